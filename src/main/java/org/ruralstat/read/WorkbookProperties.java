package org.ruralstat.read;

import org.apache.poi.util.XMLHelper;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;

/** Reads {@code workbookPr/@date1904} from workbook.xml, which POI's streaming path leaves to the caller. */
final class WorkbookProperties {

    private WorkbookProperties() {
    }

    /** The Strict OOXML namespace (ISO/IEC 29500 Strict), which POI's streaming reader cannot follow to the sheets. */
    static final String STRICT_NAMESPACE = "http://purl.oclc.org/ooxml/spreadsheetml/main";

    /** True when workbook.xml is Strict OOXML rather than Transitional. */
    static boolean isStrict(InputStream workbookXml) throws IOException {
        try (workbookXml) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbookXml);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT) {
                    return STRICT_NAMESPACE.equals(xml.getNamespaceURI());
                }
            }
            return false;
        } catch (XMLStreamException e) {
            throw new IOException("cannot parse workbook.xml", e);
        }
    }

    static boolean date1904(InputStream workbookXml) throws IOException {
        try (workbookXml) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbookXml);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT) {
                    String local = xml.getLocalName();
                    if ("workbookPr".equals(local)) {
                        String value = xml.getAttributeValue(null, "date1904");
                        return "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                    if ("sheets".equals(local)) {
                        return false;
                    }
                }
            }
            return false;
        } catch (XMLStreamException e) {
            throw new IOException("cannot parse workbook.xml", e);
        }
    }
}
