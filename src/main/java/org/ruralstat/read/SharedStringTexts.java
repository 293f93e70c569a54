package org.ruralstat.read;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.SAXException;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workbook's shared strings as the text POI's read-only table gives for them (phonetic runs left out, {@code _xHHHH_}
 * escapes decoded), kept as plain strings: POI wraps every lookup in a rich-text object, which cost more than the rest
 * of reading the cell. Parsed by the Aalto StAX parser the worksheets are read with (no DTD, no external entities, so
 * an entity bomb fails as it fails in POI's SAX parser), in about half the time the JDK's SAX parser took
 * (docs/decisions.md), and a failure is given as the {@link SAXException} POI's parse gives.
 */
final class SharedStringTexts {

    private static final Pattern ESCAPED = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private List<String> texts;
    private StringBuilder text;
    private boolean inText;
    private boolean inPhonetic;

    private SharedStringTexts() {
    }

    static SharedStringTexts read(OPCPackage pkg) throws IOException, SAXException {
        SharedStringTexts strings = new SharedStringTexts();
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (!parts.isEmpty()) {
            try (InputStream in = parts.get(0).getInputStream()) {
                strings.parse(in);
            }
        }
        return strings;
    }

    /** The shared strings of a {@code sharedStrings.xml} stream. */
    static SharedStringTexts read(InputStream xml) throws IOException, SAXException {
        SharedStringTexts strings = new SharedStringTexts();
        strings.parse(xml);
        return strings;
    }

    /** How many shared strings there are. */
    int size() {
        return texts == null ? 0 : texts.size();
    }

    /** The text of the shared string at the index. */
    String get(int index) {
        if (texts == null || index >= texts.size()) {
            throw new IllegalStateException("Cannot get item at " + index + " of " + size() + " shared strings");
        }
        return texts.get(index);
    }

    private void parse(InputStream in) throws IOException, SAXException {
        PushbackInputStream bytes = new PushbackInputStream(in, 1);
        int first = bytes.read();
        if (first < 0) {
            return;
        }
        bytes.unread(first);
        XMLStreamReader xml = null;
        try {
            xml = XlsxSpreadsheet.OOXML_XML.createXMLStreamReader(bytes);
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamConstants.START_ELEMENT -> start(xml);
                    case XMLStreamConstants.END_ELEMENT -> end(xml);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (inText && !inPhonetic && text != null) {
                            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            // the failure POI's SAX parse gives, so a broken or hostile table is classified as before
            throw new SAXException(e.getMessage(), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // the stream is closed by the caller
                }
            }
        }
    }

    private void start(XMLStreamReader xml) {
        if (!XSSFRelation.NS_SPREADSHEETML.equals(xml.getNamespaceURI())) {
            return;
        }
        switch (xml.getLocalName()) {
            case "sst" -> {
                String count = xml.getAttributeValue(null, "count");
                if (count != null) {
                    Long.parseLong(count);
                }
                String unique = xml.getAttributeValue(null, "uniqueCount");
                texts = new ArrayList<>(Math.min(unique == null ? 0 : (int) Long.parseLong(unique), 100_000));
                text = new StringBuilder(64);
            }
            case "si" -> {
                if (text != null) {
                    text.setLength(0);
                }
            }
            case "t" -> inText = true;
            case "rPh" -> inPhonetic = true;
            default -> {
            }
        }
    }

    private void end(XMLStreamReader xml) {
        if (!XSSFRelation.NS_SPREADSHEETML.equals(xml.getNamespaceURI())) {
            return;
        }
        switch (xml.getLocalName()) {
            case "si" -> {
                if (texts != null && text != null) {
                    texts.add(unescape(text.toString()));
                }
            }
            case "t" -> inText = false;
            case "rPh" -> inPhonetic = false;
            default -> {
            }
        }
    }

    /** OOXML writes characters XML cannot hold as {@code _xHHHH_}; POI gives them back as the characters. */
    static String unescape(String value) {
        if (!value.contains("_x")) {
            return value;
        }
        Matcher m = ESCAPED.matcher(value);
        StringBuilder out = new StringBuilder();
        int done = 0;
        while (m.find()) {
            out.append(value, done, m.start()).append((char) Integer.parseInt(m.group(1), 16));
            done = m.end();
        }
        return done == 0 ? value : out.append(value, done, value.length()).toString();
    }
}
