package org.ruralstat.read;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Tells a file's format from its bytes: OOXML workbook, BIFF8 workbook or delimited text, and names what
 * everything else is (PDF, ODS, xlsb, Excel 95, encrypted, HTML saved as .xls) so the bureau can be told.
 */
public final class FormatSniffer {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] EMPTY_ZIP = {0x50, 0x4B, 0x05, 0x06};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private FormatSniffer() {
    }

    public static FileFormat sniff(Path file) throws IOException, UnreadableFileException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n == 0) {
            throw new UnreadableFileException("FILE-001", "empty file");
        }
        head = Arrays.copyOf(head, n);
        if (startsWith(head, ZIP)) {
            return sniffZip(file);
        }
        if (startsWith(head, EMPTY_ZIP)) {
            throw new UnreadableFileException("FILE-004", "an empty ZIP archive, not a workbook");
        }
        if (startsWith(head, OLE2)) {
            return sniffOle2(file);
        }
        String text = new String(head, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").toLowerCase(Locale.ROOT).stripLeading();
        if (text.startsWith("%pdf")) {
            throw unsupported("PDF");
        }
        if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.contains("<html")
                || text.startsWith("<table") || text.startsWith("<meta") || text.startsWith("<head")
                || text.startsWith("<?xml") || text.startsWith("mime-version")) {
            throw unsupported("HTML/XML");
        }
        return FileFormat.CSV;
    }

    private static FileFormat sniffZip(Path file) throws UnreadableFileException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                throw unsupported("OpenDocument (ODS)");
            }
            if (zip.getEntry("xl/workbook.bin") != null) {
                throw unsupported("Excel binary workbook (xlsb)");
            }
            if (zip.getEntry("[Content_Types].xml") == null) {
                throw new UnreadableFileException("FILE-004", "a ZIP archive without [Content_Types].xml");
            }
            if (zip.getEntry("word/document.xml") != null) {
                throw unsupported("Word document (docx)");
            }
            if (zip.getEntry("ppt/presentation.xml") != null) {
                throw unsupported("PowerPoint presentation (pptx)");
            }
            return FileFormat.XLSX;
        } catch (IOException e) {
            throw new UnreadableFileException("FILE-004", java.util.Map.of(), "unreadable ZIP: " + e.getMessage(), e);
        }
    }

    private static FileFormat sniffOle2(Path file) throws UnreadableFileException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage")) {
                throw new UnreadableFileException("FILE-003", "password-protected OOXML workbook");
            }
            if (root.hasEntryCaseInsensitive("Workbook")) {
                return FileFormat.XLS;
            }
            if (root.hasEntryCaseInsensitive("Book")) {
                throw new UnreadableFileException("FILE-005", "Excel 5.0/95 workbook (BIFF5)");
            }
            throw unsupported("OLE2 document that is not a workbook (Word?)");
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("FILE-004", java.util.Map.of(), "unreadable OLE2 file: " + e.getMessage(), e);
        }
    }

    private static UnreadableFileException unsupported(String what) {
        return new UnreadableFileException("FILE-002", java.util.Map.of("format", what), "unsupported format: " + what, null);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
