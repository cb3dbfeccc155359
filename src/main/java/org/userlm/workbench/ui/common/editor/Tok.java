package org.userlm.workbench.ui.common.editor;

/**
 * Token style classes, shared by the editors and the code blocks of rendered turns so that both colour a token the
 * same way (the colours are looked-up {@code -wb-syn-*} / {@code -wb-cb-*} values in the light and dark sheets).
 */
public final class Tok {
    public static final String KEYWORD = "tok-keyword";
    public static final String STRING = "tok-string";
    public static final String NUMBER = "tok-number";
    public static final String COMMENT = "tok-comment";
    /** A JSON object key. */
    public static final String KEY = "tok-key";
    /** true / false / null / None and friends. */
    public static final String LITERAL = "tok-literal";
    public static final String PUNCT = "tok-punct";
    /** Jinja's {@code {{ }} {% %} {# #}} delimiters. */
    public static final String DELIM = "tok-delim";
    /** A placeholder the template engine fills ({@code {goal}}, {@code [[SHARDS_REVEALED]]}). */
    public static final String PLACEHOLDER = "tok-placeholder";
    /** A placeholder nothing fills: it would reach the model as literal text. */
    public static final String UNKNOWN = "tok-unknown";
    /** The range of the current validation error (underlined). */
    public static final String ERROR = "tok-error";

    private Tok() {
    }
}
