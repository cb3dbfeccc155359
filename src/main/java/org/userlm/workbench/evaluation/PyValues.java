package org.userlm.workbench.evaluation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's {@code ==} between a value the harness reported (tagged by builtin type: {@code ["int","5"]},
 * {@code ["list",[...]]}, {@code ["tuple",[...]]}, {@code ["dict",[[k,v],...]]}, {@code ["other","Name"]}...)
 * and an expected value parsed from a test's JSON, computed here, outside the sandbox. Numbers compare by value
 * across bool/int/float as in Python ({@code True == 1 == 1.0}; NaN equals nothing); a list never equals a tuple
 * unless the rules turn tuples into lists; a dict equals a JSON object with the same string keys and equal
 * values; anything else ({@code other}, sets) equals no JSON value.
 */
final class PyValues {
    private static final JsonMapper EXPECTED = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** How tuples the code returned are compared with JSON lists. */
    enum Tuples {
        /** LiC: only a tuple returned at the top level becomes a list. */
        TOP_LEVEL,
        /** Ours: tuples become lists at every depth. */
        EVERYWHERE
    }

    private PyValues() {
    }

    /** Parses an expected output as Python's {@code json.loads} would. */
    static JsonNode parseExpected(String json) throws IOException {
        JsonParser parser = EXPECTED.createParser(json);
        JsonNode node = EXPECTED.readTree(parser);
        if (node == null || parser.nextToken() != null) {
            throw new IOException("not one JSON value: " + (json.length() > 60 ? json.substring(0, 60) + "…" : json));
        }
        return node;
    }

    /** Whether the candidate's tagged value equals {@code expected} under Python's {@code ==}. */
    static boolean equal(JsonNode tagged, JsonNode expected, Tuples tuples) {
        if (tuples == Tuples.TOP_LEVEL && "tuple".equals(tag(tagged))) {
            return listEqual(tagged.get(1), expected, false);
        }
        return eq(tagged, expected, tuples == Tuples.EVERYWHERE);
    }

    private static boolean eq(JsonNode t, JsonNode e, boolean tupleIsList) {
        String tag = tag(t);
        switch (tag) {
            case "none":
                return e.isNull();
            case "bool", "int", "float":
                return numeric(e) && numbersEqual(t, e);
            case "str":
                return e.isTextual() && e.asText().equals(t.path(1).asText());
            case "list":
                return listEqual(t.get(1), e, tupleIsList);
            case "tuple":
                return tupleIsList && listEqual(t.get(1), e, true);
            case "dict":
                return dictEqual(t.get(1), e, tupleIsList);
            default:
                return false;
        }
    }

    private static boolean listEqual(JsonNode items, JsonNode e, boolean tupleIsList) {
        if (items == null || !items.isArray() || !e.isArray() || items.size() != e.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!eq(items.get(i), e.get(i), tupleIsList)) {
                return false;
            }
        }
        return true;
    }

    private static boolean dictEqual(JsonNode pairs, JsonNode e, boolean tupleIsList) {
        if (pairs == null || !pairs.isArray() || !e.isObject() || pairs.size() != e.size()) {
            return false;
        }
        Map<String, JsonNode> got = new HashMap<>();
        for (JsonNode pair : pairs) {
            if (!"str".equals(tag(pair.get(0)))) {
                return false;
            }
            got.put(pair.get(0).path(1).asText(), pair.get(1));
        }
        if (got.size() != e.size()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = got.get(f.getKey());
            if (v == null || !eq(v, f.getValue(), tupleIsList)) {
                return false;
            }
        }
        return true;
    }

    private static boolean numeric(JsonNode e) {
        return e.isNumber() || e.isBoolean();
    }

    private static boolean numbersEqual(JsonNode t, JsonNode e) {
        BigDecimal a = candidateNumber(t);
        BigDecimal b = expectedNumber(e);
        if (a == null || b == null) {
            // NaN equals nothing; infinities equal the same infinity
            return infinity(t) != 0 && infinity(t) == expectedInfinity(e);
        }
        return a.compareTo(b) == 0;
    }

    private static BigDecimal candidateNumber(JsonNode t) {
        String text = t.path(1).asText();
        return switch (tag(t)) {
            case "bool" -> t.path(1).asBoolean() ? BigDecimal.ONE : BigDecimal.ZERO;
            case "int" -> new BigDecimal(new BigInteger(text));
            default -> finite(Double.parseDouble(text.replace("inf", "Infinity").replace("nan", "NaN")));
        };
    }

    private static int infinity(JsonNode t) {
        String text = t.path(1).asText();
        return !"float".equals(tag(t)) ? 0 : text.equals("inf") ? 1 : text.equals("-inf") ? -1 : 0;
    }

    private static int expectedInfinity(JsonNode e) {
        double d = e.asDouble();
        return e.isNumber() && Double.isInfinite(d) ? (d > 0 ? 1 : -1) : 0;
    }

    private static BigDecimal expectedNumber(JsonNode e) {
        if (e.isBoolean()) {
            return e.asBoolean() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (e.isIntegralNumber()) {
            return new BigDecimal(e.bigIntegerValue());
        }
        return finite(e.doubleValue());
    }

    private static BigDecimal finite(double d) {
        return Double.isFinite(d) ? new BigDecimal(d) : null;
    }

    private static String tag(JsonNode t) {
        return t != null && t.isArray() && t.size() > 0 ? t.get(0).asText() : "";
    }

    /** A short Python-like rendering of a tagged value, for details. */
    static String repr(JsonNode t) {
        StringBuilder sb = new StringBuilder();
        repr(t, sb);
        return sb.length() <= 200 ? sb.toString() : sb.substring(0, 200) + "…";
    }

    private static void repr(JsonNode t, StringBuilder sb) {
        if (sb.length() > 400) {
            return;
        }
        switch (tag(t)) {
            case "none" -> sb.append("None");
            case "bool" -> sb.append(t.path(1).asBoolean() ? "True" : "False");
            case "int", "float" -> sb.append(t.path(1).asText());
            case "str" -> sb.append('\'').append(t.path(1).asText().replace("'", "\\'")).append('\'');
            case "list", "tuple" -> {
                boolean list = tag(t).equals("list");
                sb.append(list ? '[' : '(');
                JsonNode items = t.path(1);
                for (int i = 0; i < items.size(); i++) {
                    sb.append(i > 0 ? ", " : "");
                    repr(items.get(i), sb);
                }
                sb.append(list ? "]" : items.size() == 1 ? ",)" : ")");
            }
            case "dict" -> {
                sb.append('{');
                JsonNode pairs = t.path(1);
                for (int i = 0; i < pairs.size(); i++) {
                    sb.append(i > 0 ? ", " : "");
                    repr(pairs.get(i).get(0), sb);
                    sb.append(": ");
                    repr(pairs.get(i).get(1), sb);
                }
                sb.append('}');
            }
            default -> sb.append('<').append(t.path(1).asText("object")).append(" object>");
        }
    }

    /** A Python-like rendering of an expected JSON value. */
    static String reprExpected(JsonNode e) {
        String s;
        if (e.isNull()) {
            s = "None";
        } else if (e.isBoolean()) {
            s = e.asBoolean() ? "True" : "False";
        } else if (e.isTextual()) {
            s = "'" + e.asText().replace("'", "\\'") + "'";
        } else {
            s = e.toString().replace("true", "True").replace("false", "False").replace("null", "None");
        }
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
