package com.slaledger.postmortem;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a timeline line says happened, read from its words (English): the impact began, an alert or
 * page went out, a responder took it, the service was restored (or, weaker, a rollback or fix
 * completed), or the incident was closed. One line may say several things ("Alert fired; on-call
 * acknowledged"). The word lists are in {@code docs/postmortem-import.md}.
 */
enum EventMeaning {
    /** Customer impact began: "outage begins", "errors started", "site went down". */
    STARTED,
    /** First alert, page or report: "pagers alerted on-call", "customer reported", "monitoring fired". */
    DETECTED,
    /** A responder took it: "acknowledged", "on-call responded", "began investigating". */
    ACKNOWLEDGED,
    /** Impact ended: "traffic back online", "service restored", "error rate back to normal". */
    RESTORED,
    /** A rollback or fix completed, which does not say by itself that customers are fine. */
    ROLLED_BACK,
    /** The incident was closed: "resolved", "all clear", "post-incident review". */
    RESOLVED;

    private static final Pattern RESTORE_CONTEXT = Pattern.compile(
            "\\b(restor\\w*|recover\\w*|back (online|up|to normal)|returned to normal|normali[sz]\\w*|subsid\\w*"
                    + "|decreas\\w*|resolved|mitigated|ended|ends|stopped|healthy again)\\b");
    private static final Pattern STARTED_WORDS = Pattern.compile(
            "\\b(outages?|incident|impact|downtime|degradation|disruption|errors?|failures?|5\\d\\d|timeouts?|latency"
                    + "|unavailab\\w*)\\b[^.;]{0,40}?\\b(begins?|began|begun|beginning|starts?|started|starting|commenc\\w*"
                    + "|onset|spiked?|spiking)\\b"
                    + "|\\b(begins?|began|starts?|started)\\b[^.;]{0,20}?\\b(fail\\w*|erroring|returning|timing out"
                    + "|throwing|rejecting|dropping)\\b"
                    + "|\\b(went|goes|going|is|was) down\\b|\\bcrash(ed|es)?\\b|\\bbec(ame|omes) unavailable\\b"
                    + "|\\b(users|customers|clients) (began|started|start) (seeing|experiencing|getting|receiving)\\b"
                    + "|\\bfirst (errors?|failures?|timeouts?)\\b|\\bimpact (began|begins|starts|started)\\b"
                    + "|^(outage|impact start|start of (the )?(outage|impact))\\b");
    private static final Pattern DETECTED_WORDS = Pattern.compile(
            "\\b(alert(s|ed|ing)?|alarm(s|ed)?|pager(s)?|paged|paging|pagerduty|opsgenie|detected|detection"
                    + "|noticed|reported|notified|flagged|triggered|fired|monitoring)\\b");
    private static final Pattern ACKNOWLEDGED_WORDS = Pattern.compile(
            "\\b(acknowledg\\w*|acked)\\b"
                    + "|\\b(on-?call|responder|engineer|sre|team)\\b[^.;]{0,30}?\\b(respond\\w*|joined|joins|engaged"
                    + "|took (it|over|the (page|alert|incident))|start\\w* investigat\\w*|began investigat\\w*)\\b"
                    + "|\\binvestigation (began|begins|started|starts)\\b|\\b(began|begins|started|starts|start) investigat\\w*"
                    + "|\\bincident commander\\b|\\btook (ownership|the (page|alert|incident))\\b");
    private static final Pattern RESTORED_WORDS = Pattern.compile(
            "\\b(restored|recovered|recovery (complete|completed|confirmed)|back online|back up|back to normal"
                    + "|returned to normal|normali[sz]ed|fully operational|operational again|healthy again"
                    + "|mitigated|mitigation (complete|completed|successful|confirmed|in place|applied)"
                    + "|(impact|outage|downtime|disruption) (ended|ends|over|stopped)"
                    + "|(error rates?|errors|latency|timeouts) (dropped|fell|returned|went back)"
                    + "|(traffic|requests) (flowing|served) (again|normally))\\b");
    private static final Pattern PARTIAL = Pattern.compile(
            "\\b(partial(ly)?|some|most|part of|beginning to|starting to|slowly)\\b|\\b(\\d{1,2}(\\.\\d+)?)\\s?%");
    private static final Pattern ROLLED_BACK_WORDS = Pattern.compile(
            "\\b(successful(ly)?|succeeded|complete[ds]?|finished|done)\\b[^.;]{0,25}?\\b(roll ?backs?|rolled back|revert\\w*|fix|patch|hotfix|deploy\\w*)\\b"
                    + "|\\b(roll ?backs?|revert|fix|patch|hotfix)\\b[^.;]{0,25}?\\b(succeeded|successful|complete[ds]?|finished|done|deployed|applied|live)\\b"
                    + "|\\b(rolled back|reverted)\\b");
    private static final Pattern RESOLVED_WORDS = Pattern.compile(
            "\\b(resolved|closed|all[- ]clear|post-?incident|stood down|stand down|incident (over|ended))\\b");
    private static final Pattern NEGATED = Pattern.compile("\\b(not|no longer|never|un)[- ]?(resolved|restored|recovered)\\b");
    private static final Pattern STATUS_PAGE = Pattern.compile("\\bstatus ?page\\b");

    /** The meanings of one timeline text. */
    static Set<EventMeaning> of(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        Set<EventMeaning> meanings = EnumSet.noneOf(EventMeaning.class);
        boolean negated = NEGATED.matcher(t).find();
        boolean restoreContext = !negated && RESTORE_CONTEXT.matcher(t).find();
        if (!restoreContext && STARTED_WORDS.matcher(t).find()) {
            meanings.add(STARTED);
        }
        if (!negated && RESTORED_WORDS.matcher(t).find() && !partial(t)) {
            meanings.add(RESTORED);
        }
        if (ROLLED_BACK_WORDS.matcher(t).find()) {
            meanings.add(ROLLED_BACK);
        }
        if (!negated && RESOLVED_WORDS.matcher(t).find()) {
            meanings.add(RESOLVED);
        }
        if (ACKNOWLEDGED_WORDS.matcher(t).find()) {
            meanings.add(ACKNOWLEDGED);
        }
        Matcher detected = DETECTED_WORDS.matcher(STATUS_PAGE.matcher(t).replaceAll(""));
        while (detected.find()) {
            // "monitoring" alone is detection only when the line is not about the restore or the close
            if (!detected.group(1).equals("monitoring")
                    || !(meanings.contains(RESTORED) || meanings.contains(RESOLVED) || restoreContext)) {
                meanings.add(DETECTED);
                break;
            }
        }
        return meanings;
    }

    /** A restore of part of the traffic ("50% of traffic back") is not the end of the impact. */
    private static boolean partial(String t) {
        Matcher m = PARTIAL.matcher(t);
        while (m.find()) {
            if (m.group(3) == null) {
                return true;
            }
            if (Double.parseDouble(m.group(3)) < 100) {
                return true;
            }
        }
        return false;
    }
}
