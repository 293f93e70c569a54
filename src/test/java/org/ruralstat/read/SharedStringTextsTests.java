package org.ruralstat.read;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class SharedStringTextsTests {

    private static final String SST = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"9\" uniqueCount=\"9\">";

    @ParameterizedTest
    @ValueSource(strings = {
            "<si><t>驻村第一书记</t></si><si><t xml:space=\"preserve\">  张 三 </t></si><si><t></t></si><si/>",
            "<si><r><t>阳城县</t></r><r><rPr><b/></rPr><t>教育局</t></r></si>",
            "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>",
            "<si><t>line_x000D_break_x000a_ and _x005F_x0041_ and _xZZZZ_ and _x41_</t></si>",
            "<si><t>&lt;&amp;&gt;&quot;</t></si><si><t><![CDATA[a<b]]></t></si>",
            "<si><t>a</t><t>b</t></si><si><x:t xmlns:x=\"urn:other\">ignored</x:t><t>kept</t></si>"})
    void givesTheTextsPoiGives(String items) throws Exception {
        String xml = SST + items + "</sst>";
        assertThat(texts(SharedStringTexts.read(stream(xml)))).isEqualTo(poi(stream(xml)));
    }

    @Test
    void givesTheTextsPoiGivesForEveryWorkbookOfTheCorpus() throws Exception {
        List<Path> workbooks;
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            workbooks = files.filter(f -> f.toString().endsWith(".xlsx")).toList();
        }
        assertThat(workbooks).isNotEmpty();
        for (Path workbook : workbooks) {
            OPCPackage pkg;
            try {
                pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ);
            } catch (Exception e) {
                continue;
            }
            try {
                Throwable poiFailure = catchThrowable(() -> new ReadOnlySharedStringsTable(pkg, false));
                Throwable ourFailure = catchThrowable(() -> SharedStringTexts.read(pkg));
                assertThat(ourFailure == null ? null : ourFailure.getClass()).as(workbook.toString())
                        .isEqualTo(poiFailure == null ? null : poiFailure.getClass());
                if (poiFailure == null) {
                    ReadOnlySharedStringsTable table = new ReadOnlySharedStringsTable(pkg, false);
                    SharedStringTexts ours = SharedStringTexts.read(pkg);
                                        for (int i = 0; i < ours.size(); i++) {
                        assertThat(ours.get(i)).as(workbook + " #" + i).isEqualTo(table.getItemAt(i).getString());
                    }
                }
            } finally {
                pkg.revert();
            }
        }
    }

    @Test
    void refusesAStringItDoesNotHaveAsPoiDoes() throws Exception {
        String xml = SST + "<si><t>a</t></si></sst>";
        assertThat(catchThrowable(() -> SharedStringTexts.read(stream(xml)).get(1))).isInstanceOf(IllegalStateException.class);
        assertThat(catchThrowable(() -> new ReadOnlySharedStringsTable(stream(xml), false).getItemAt(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // an entity bomb: a billion 笑 if expanded
            "<!DOCTYPE sst [<!ENTITY a \"笑笑笑笑笑笑笑笑笑笑\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
                    + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
                    + "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>"
                    + SST + "<si><t>&h;</t></si></sst>",
            // an external entity that would put a local file into the table
            "<!DOCTYPE sst [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>" + SST + "<si><t>&x;</t></si></sst>",
            "<!DOCTYPE sst SYSTEM \"http://127.0.0.1:9/sst.dtd\">" + SST + "<si><t>&x;</t></si></sst>"})
    void refusesEntitiesAsPoiDoes(String xml) {
        Throwable ours = catchThrowable(() -> SharedStringTexts.read(stream(xml)));
        assertThat(ours).isInstanceOf(org.xml.sax.SAXException.class);
        assertThat(Failures.classify(ours).rule()).isEqualTo("FILE-006");
        assertThat(catchThrowable(() -> new ReadOnlySharedStringsTable(stream(xml), false))).isNotNull();
    }

    @Test
    void refusesBrokenXmlAsPoiDoes() {
        String xml = SST + "<si><t>未闭合</si></sst>";
        assertThat(catchThrowable(() -> SharedStringTexts.read(stream(xml)))).isInstanceOf(org.xml.sax.SAXException.class);
        assertThat(catchThrowable(() -> new ReadOnlySharedStringsTable(stream(xml), false))).isInstanceOf(org.xml.sax.SAXException.class);
    }

    private static List<String> poi(InputStream xml) throws Exception {
        ReadOnlySharedStringsTable table = new ReadOnlySharedStringsTable(xml, false);
        List<String> texts = new ArrayList<>();
        for (int i = 0; ; i++) {
            try {
                texts.add(table.getItemAt(i).getString());
            } catch (IllegalStateException e) {
                return texts;
            }
        }
    }

    private static List<String> texts(SharedStringTexts strings) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < strings.size(); i++) {
            texts.add(strings.get(i));
        }
        return texts;
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
