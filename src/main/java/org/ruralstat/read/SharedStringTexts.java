package org.ruralstat.read;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workbook's shared strings as the text POI's read-only table gives for them (phonetic runs left out, {@code _xHHHH_}
 * escapes decoded), parsed by the same SAX parser with the same limits, but kept as plain strings: POI wraps every
 * lookup in a rich-text object, which cost more than the rest of reading the cell.
 */
final class SharedStringTexts extends DefaultHandler {

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
        PushbackInputStream xml = new PushbackInputStream(in, 1);
        int first = xml.read();
        if (first < 0) {
            return;
        }
        xml.unread(first);
        try {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(this);
            reader.parse(new InputSource(xml));
        } catch (ParserConfigurationException e) {
            throw new SAXException("SAX parser appears to be broken - " + e.getMessage());
        }
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes attributes) {
        if (uri != null && !uri.equals(XSSFRelation.NS_SPREADSHEETML)) {
            return;
        }
        switch (localName) {
            case "sst" -> {
                String count = attributes.getValue("count");
                if (count != null) {
                    Long.parseLong(count);
                }
                String unique = attributes.getValue("uniqueCount");
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

    @Override
    public void endElement(String uri, String localName, String name) {
        if (uri != null && !uri.equals(XSSFRelation.NS_SPREADSHEETML)) {
            return;
        }
        switch (localName) {
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

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inText && !inPhonetic && text != null) {
            text.append(ch, start, length);
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
