package org.ruralstat.read;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.ruralstat.text.PersonalDataMasker;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * An OOXML workbook read with POI's streaming API: one sheet's XML pulled row by row, never the whole
 * workbook in memory. POI's zip-bomb and entity limits stay on. Strict OOXML (ISO 29500 Strict) is refused by name
 * (FILE-002), since POI cannot follow its relationships to the sheets.
 */
final class XlsxSpreadsheet implements SpreadsheetFile {

    /**
     * Aalto's StAX parser, set up as POI sets up the JDK's (no DTD, no external entities): it reads worksheet and
     * shared-string XML in half the time. It refuses a DOCTYPE's entities rather than expanding them, so entity bombs
     * fail as before.
     */
    static final XMLInputFactory OOXML_XML = ooxmlXmlFactory();

    private final OPCPackage pkg;
    private final XSSFReader.SheetIterator sheets;
    private final SharedStringTexts strings;
    private final StylesTable styles;
    private final boolean date1904;
    private Boolean[] dateStyles;

    private XlsxSpreadsheet(OPCPackage pkg) throws Exception {
        this.pkg = pkg;
        XSSFReader reader = new XSSFReader(pkg, true);
        if (WorkbookProperties.isStrict(reader.getWorkbookData())) {
            throw new UnreadableFileException("FILE-002", java.util.Map.of("format", "Strict Open XML（严格 OOXML）"),
                    "Strict OOXML workbook", null);
        }
        this.strings = SharedStringTexts.read(pkg);
        this.styles = readStyles(reader);
        this.date1904 = WorkbookProperties.date1904(reader.getWorkbookData());
        this.sheets = reader.getSheetIterator();
    }

    private static XMLInputFactory ooxmlXmlFactory() {
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    static SpreadsheetFile open(Path file) throws UnreadableFileException {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            return new XlsxSpreadsheet(pkg);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            if (pkg != null) {
                pkg.revert();
            }
            throw Failures.classify(e);
        }
    }

    @Override
    public boolean date1904() {
        return date1904;
    }

    @Override
    public FileFormat format() {
        return FileFormat.XLSX;
    }

    @Override
    public SheetCursor nextSheet() throws IOException {
        if (!sheets.hasNext()) {
            return null;
        }
        InputStream xml = sheets.next();
        try {
            XMLStreamReader stax = OOXML_XML.createXMLStreamReader(xml);
            return new Cursor(PersonalDataMasker.scrub(sheets.getSheetName()), stax, xml);
        } catch (XMLStreamException e) {
            xml.close();
            throw new IOException("cannot parse sheet " + PersonalDataMasker.scrub(sheets.getSheetName()), e);
        }
    }

    @Override
    public void close() {
        pkg.revert();
    }

    private static StylesTable readStyles(XSSFReader reader) {
        try {
            return reader.getStylesTable();
        } catch (Exception e) {
            return null;
        }
    }

    /** Whether numbers of the style are dates, worked out once per style: POI builds the style afresh on every lookup. */
    private boolean isDateStyle(int styleIndex) {
        if (styles == null || styleIndex < 0 || styleIndex >= styles.getNumCellStyles()) {
            return false;
        }
        if (dateStyles == null) {
            dateStyles = new Boolean[styles.getNumCellStyles()];
        }
        if (dateStyles[styleIndex] == null) {
            XSSFCellStyle style = styles.getStyleAt(styleIndex);
            dateStyles[styleIndex] = style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
        }
        return dateStyles[styleIndex];
    }

    private static final IntPredicate ALL_ROWS = row -> true;

    /** Pulls `row` and `c` elements of one worksheet, matched by local name. */
    private final class Cursor implements SheetCursor {
        private final String name;
        private final XMLStreamReader xml;
        private final InputStream stream;
        private int lastRow;

        Cursor(String name, XMLStreamReader xml, InputStream stream) {
            this.name = name;
            this.xml = xml;
            this.stream = stream;
        }

        @Override
        public String sheetName() {
            return name;
        }

        @Override
        public RawRow next() throws IOException {
            return next(ALL_ROWS);
        }

        @Override
        public RawRow next(IntPredicate wanted) throws IOException {
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamReader.START_ELEMENT && "row".equals(xml.getLocalName())) {
                        String r = xml.getAttributeValue(null, "r");
                        int rowNumber = r == null ? lastRow + 1 : Integer.parseInt(r);
                        lastRow = rowNumber;
                        if (!wanted.test(rowNumber)) {
                            skipRow();
                            continue;
                        }
                        RawRow row = readRow(rowNumber);
                        if (!row.isBlank()) {
                            return row;
                        }
                    }
                }
                return null;
            } catch (XMLStreamException | RuntimeException e) {
                throw new IOException("sheet " + name + ": " + e.getMessage(), e);
            }
        }

        /** Past the end of the row element the cursor is at, its cells unread. */
        private void skipRow() throws XMLStreamException {
            int depth = 1;
            while (depth > 0 && xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private RawRow readRow(int rowNumber) throws XMLStreamException, IOException {
            RowBuilder cells = new RowBuilder();
            int nextColumn = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamReader.END_ELEMENT && "row".equals(xml.getLocalName())) {
                    break;
                }
                if (event == XMLStreamReader.START_ELEMENT && "c".equals(xml.getLocalName())) {
                    String ref = null;
                    String type = null;
                    String style = null;
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        String attribute = xml.getAttributeLocalName(i);
                        if (ref == null && "r".equals(attribute)) {
                            ref = xml.getAttributeValue(i);
                        } else if (type == null && "t".equals(attribute)) {
                            type = xml.getAttributeValue(i);
                        } else if (style == null && "s".equals(attribute)) {
                            style = xml.getAttributeValue(i);
                        }
                    }
                    int column = ref == null ? nextColumn : CellReferences.columnIndex(ref);
                    cells.set(column, readCell(type, style));
                    nextColumn = column + 1;
                }
            }
            return new RawRow(rowNumber, cells.cells());
        }

        private CellValue readCell(String type, String style) throws XMLStreamException, IOException {
            String value = null;
            StringBuilder inline = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamReader.END_ELEMENT && "c".equals(xml.getLocalName())) {
                    break;
                }
                if (event == XMLStreamReader.START_ELEMENT) {
                    String local = xml.getLocalName();
                    if ("v".equals(local)) {
                        value = xml.getElementText();
                    } else if ("t".equals(local)) {
                        inline = inline == null ? new StringBuilder() : inline;
                        inline.append(xml.getElementText());
                        if (inline.length() > CellLimits.MAX_CELL_CHARS) {
                            throw new CellLimits.CellTooLongException(inline.length());
                        }
                    }
                }
            }
            return CellLimits.checked(toCell(type, style, value, inline));
        }

        private CellValue toCell(String type, String style, String value, StringBuilder inline) {
            if ("inlineStr".equals(type)) {
                return CellValue.text(inline == null ? "" : inline.toString());
            }
            if (value == null || value.isEmpty()) {
                return CellValue.BLANK;
            }
            if ("s".equals(type)) {
                return CellValue.text(strings.get(Integer.parseInt(value.trim())));
            }
            if ("str".equals(type)) {
                return CellValue.text(value);
            }
            if ("b".equals(type)) {
                return new CellValue("1".equals(value) ? "TRUE" : "FALSE", CellValue.Kind.BOOLEAN);
            }
            if ("e".equals(type)) {
                return new CellValue(value, CellValue.Kind.ERROR);
            }
            if ("d".equals(type)) {
                return new CellValue(value.length() >= 10 ? value.substring(0, 10) : value, CellValue.Kind.DATE);
            }
            if (style != null && isDateStyle(Integer.parseInt(style))) {
                return ExcelDates.toDateCell(value, date1904);
            }
            return new CellValue(plainNumber(value), CellValue.Kind.NUMBER);
        }

        /**
         * Java-written files store 2.224021002E11 where Excel stores 222402100200, and 3.0 where Excel stores 3: give the
         * digits as Excel, and the xls reader, do.
         */
        private String plainNumber(String value) {
            boolean exponent = value.indexOf('E') >= 0 || value.indexOf('e') >= 0;
            if (!exponent && (value.indexOf('.') < 0 || !value.endsWith("0"))) {
                return value;
            }
            try {
                // through a double where Excel would have kept the digits; exactly where only zeros trail
                return exponent ? XlsSpreadsheet.plain(Double.parseDouble(value))
                        : XlsSpreadsheet.plain(new java.math.BigDecimal(value));
            } catch (NumberFormatException e) {
                return value;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // closing a parser over a stream we close next cannot lose data
            }
            stream.close();
        }
    }
}
