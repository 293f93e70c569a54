package org.ruralstat.reference;

import org.ruralstat.text.TextNormalizer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The code lists of {@code seeds/codelists.csv} (dispatch levels, roles, project types…): a written value,
 * in simplified or traditional characters, with or without brackets, maps to one stable code.
 */
public final class CodeListCatalog {

    private final Map<String, Map<String, String>> codesByList = new HashMap<>();
    private final Map<String, Set<String>> namesByList = new HashMap<>();
    private final Map<String, String> nameByCode = new HashMap<>();

    public CodeListCatalog(List<Map<String, String>> rows) {
        for (Map<String, String> row : rows) {
            String list = row.get("codelist");
            String code = row.get("code");
            Map<String, String> codes = codesByList.computeIfAbsent(list, k -> new HashMap<>());
            codes.put(TextNormalizer.matchKey(code), code);
            codes.put(TextNormalizer.matchKey(row.get("name_zh")), code);
            for (String variant : row.getOrDefault("variants", "").split("\\|")) {
                if (!variant.isBlank()) {
                    codes.put(TextNormalizer.matchKey(variant), code);
                }
            }
            namesByList.computeIfAbsent(list, k -> new TreeSet<>()).add(row.get("name_zh"));
            nameByCode.put(list + "/" + code, row.get("name_zh"));
        }
    }

    /** The code of the written value in the list, or empty when the list does not know it. */
    public Optional<String> find(String list, String written) {
        Map<String, String> codes = codesByList.get(list);
        if (codes == null) {
            throw new IllegalArgumentException("unknown code list: " + list);
        }
        return Optional.ofNullable(codes.get(TextNormalizer.matchKey(written)));
    }

    /** The Chinese name of a code, or the code itself when the list does not have it. */
    public String nameOf(String list, String code) {
        return nameByCode.getOrDefault(list + "/" + code, code);
    }

    public boolean hasList(String list) {
        return codesByList.containsKey(list);
    }

    /** The Chinese names of the list's codes, for messages that say what is allowed. */
    public Set<String> names(String list) {
        return namesByList.getOrDefault(list, Set.of());
    }
}
