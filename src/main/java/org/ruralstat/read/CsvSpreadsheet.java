package org.ruralstat.read;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ruralstat.text.PersonalDataMasker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/** A delimited text file read as one sheet, decoded strictly, streamed record by record. */
final class CsvSpreadsheet implements SpreadsheetFile {

    private static final char[] DELIMITERS = {',', '\t', ';', '|'};

    private final Path file;
    private final TextEncoding encoding;
    private final CountingInputStream bytes;
    private final long size;
    private boolean handedOut;

    private CsvSpreadsheet(Path file, TextEncoding encoding) throws IOException {
        this.file = file;
        this.encoding = encoding;
        this.size = Files.size(file);
        this.bytes = new CountingInputStream(Files.newInputStream(file));
    }

    static SpreadsheetFile open(Path file) throws IOException, UnreadableFileException {
        TextEncoding encoding = TextEncoding.detect(file);
        if (encoding.bomLength() == 0 && looksBinary(file)) {
            throw new UnreadableFileException("FILE-002", Map.of("format", "binary"), "binary content", null);
        }
        return new CsvSpreadsheet(file, encoding);
    }

    @Override
    public FileFormat format() {
        return FileFormat.CSV;
    }

    @Override
    public double progress() {
        return size == 0 ? 1 : Math.min(1.0, (double) bytes.count() / size);
    }

    @Override
    public SheetCursor nextSheet() throws IOException {
        if (handedOut) {
            return null;
        }
        handedOut = true;
        bytes.skipNBytes(encoding.bomLength());
        Reader reader = new BufferedReader(new InputStreamReader(bytes, encoding.strictDecoder()), 64 * 1024);
        char delimiter = sniffDelimiter();
        CSVParser parser = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get()
                .parse(reader);
        String name = PersonalDataMasker.scrub(file.getFileName().toString().replaceFirst("\\.[^.]*$", ""));
        return new Cursor(name, parser);
    }

    private char sniffDelimiter() throws IOException {
        String sample;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(encoding.bomLength());
            byte[] head = in.readNBytes(16 * 1024);
            sample = encoding.charset().decode(java.nio.ByteBuffer.wrap(head)).toString();
        }
        // The delimiter is the character that splits the most lines into the same number of fields; a raw
        // count would let the commas of 1,234,567 outvote the tabs of a tab-separated file.
        String[] lines = sample.split("\r\n|\n|\r");
        char best = ',';
        int bestLines = 0;
        for (char d : DELIMITERS) {
            Map<Long, Integer> linesByCount = new java.util.HashMap<>();
            for (String line : lines) {
                long count = line.chars().filter(c -> c == d).count();
                if (count > 0) {
                    linesByCount.merge(count, 1, Integer::sum);
                }
            }
            int agreeing = linesByCount.values().stream().max(Integer::compare).orElse(0);
            if (agreeing > bestLines) {
                best = d;
                bestLines = agreeing;
            }
        }
        return best;
    }

    private static boolean looksBinary(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8192);
            for (byte b : head) {
                if (b == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        bytes.close();
    }

    private static final class Cursor implements SheetCursor {
        private final String name;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;

        Cursor(String name, CSVParser parser) {
            this.name = name;
            this.parser = parser;
            this.records = parser.iterator();
        }

        @Override
        public String sheetName() {
            return name;
        }

        @Override
        public RawRow next() throws IOException {
            return next(row -> true);
        }

        @Override
        public RawRow next(IntPredicate wanted) throws IOException {
            try {
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    if (!wanted.test((int) record.getRecordNumber())) {
                        continue;
                    }
                    List<CellValue> cells = new ArrayList<>(record.size());
                    for (int i = 0; i < record.size(); i++) {
                        cells.add(CellLimits.checked(CellValue.text(record.get(i))));
                    }
                    RawRow row = new RawRow((int) record.getRecordNumber(), cells);
                    if (!row.isBlank()) {
                        return row;
                    }
                }
                return null;
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
