package com.slaledger.postmortem;

/**
 * What a postmortem gave: a draft, or a refusal when there is no incident to draft (no timeline, an
 * empty text, times without any date). Exactly one of the two is set.
 */
public record ParseResult(PostmortemDraft draft, Refusal refusal) {

    /** Why no draft was made, in words for the person who pasted the text. */
    public record Refusal(Reason reason, String message) {
    }

    public enum Reason {
        EMPTY, NO_TIMELINE, NO_DATE
    }

    public boolean found() {
        return draft != null;
    }

    static ParseResult of(PostmortemDraft draft) {
        return new ParseResult(draft, null);
    }

    static ParseResult refused(Reason reason, String message) {
        return new ParseResult(null, new Refusal(reason, message));
    }
}
