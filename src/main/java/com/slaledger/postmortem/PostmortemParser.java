package com.slaledger.postmortem;

import com.slaledger.postmortem.ParseResult.Reason;
import com.slaledger.postmortem.Warning.Code;
import com.slaledger.postmortem.WrittenWhen.WrittenDate;
import com.slaledger.postmortem.WrittenWhen.WrittenTime;
import com.slaledger.postmortem.WrittenWhen.WrittenZone;
import com.slaledger.postmortem.ZoneTable.ReadZone;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a written postmortem into a {@link PostmortemDraft}. The document may be plain text or
 * Markdown: headings (Markdown, underlined, bold or a known section name on its own line), timeline
 * tables (pipe, tab-separated or aligned with spaces), bullet lists and {@code HH:MM - action} lines.
 *
 * <p>The rules, in {@code docs/postmortem-import.md} with the seed postmortem as the worked example:
 * <ul>
 * <li>a timeline entry is a line (or table row) that starts with a time of day, optionally preceded
 * by a date and followed by a zone; a line holding only a date sets the day of the entries after it;
 * an entry earlier than the one before it by more than an hour is read as the next day;</li>
 * <li>the incident's date is the caller's date if given, else the date written in the title, intro,
 * summary, impact or timeline (before the root cause and other sections), the most often, then the
 * first; every other date is named in a {@link Code#DATE_CONFLICT} warning;</li>
 * <li>the zone is the one the document states for its times ("Time (GMT + 1)", "all times EAT"),
 * else the zone written after its times, else the caller's default, else UTC with a warning;</li>
 * <li>the five instants come from what each entry says ({@link EventMeaning}); the start is the
 * earliest "impact began" line, the restore the earliest full restore after it (a completed rollback
 * only when no line says the service is back), and a stated duration gives the end when no line does.</li>
 * </ul>
 * Stateless and thread-safe; a 1 MB document takes well under a second ({@code docs/performance.md}).
 */
public final class PostmortemParser {

    /** Options from the caller: the zone for a document that names none, and the incident's date if known. */
    public record Options(ZoneId defaultZone, LocalDate date) {

        public static Options none() {
            return new Options(null, null);
        }
    }

    static final int TITLE_MAX = 300;
    static final int TEXT_MAX = 10_000;
    static final int ENTRY_TEXT_MAX = 1_000;
    static final int MAX_ENTRIES = 1_000;
    static final int MAX_ACTIONS = 100;
    static final int LINE_TEXT_MAX = 300;
    private static final int MAX_REPEATED_WARNINGS = 10;
    private static final Duration NEXT_DAY_THRESHOLD = Duration.ofHours(1);

    private enum Section {
        INTRO, SUMMARY, IMPACT, TIMELINE, ROOT_CAUSE, RESOLUTION, PREVENTIVE, OTHER
    }

    private static final Map<Section, Pattern> SECTION_NAMES = new LinkedHashMap<>();

    static {
        SECTION_NAMES.put(Section.TIMELINE, Pattern.compile(
                "(detailed |incident )?time ?line( of events)?|chronology|sequence of events|events|what happened when"));
        SECTION_NAMES.put(Section.SUMMARY, Pattern.compile(
                "(issue |incident |executive )?summary|overview|what happened|description|background|tl;? ?dr"));
        SECTION_NAMES.put(Section.IMPACT, Pattern.compile(
                "(customer |user |business |service )?impact( assessment| summary)?|who was affected"));
        SECTION_NAMES.put(Section.ROOT_CAUSE, Pattern.compile(
                "root causes?( analysis)?|causes?|rc|rca|why it happened|contributing factors|trigger"));
        SECTION_NAMES.put(Section.RESOLUTION, Pattern.compile(
                "resolution( and recovery)?|recovery|remediation|mitigation|fix|resolution steps|how we fixed it"));
        SECTION_NAMES.put(Section.PREVENTIVE, Pattern.compile(
                "((preventive|preventative|corrective)( (and|&) (preventive|preventative))?|prevention|follow[- ]?up)"
                        + " (measures|actions|steps|items)|prevention|action items|follow[- ]?ups?|next steps"
                        + "|lessons learn(ed|t)|what we are doing( to prevent (this|it))?|what we're doing( to prevent (this|it))?"
                        + "|improvements|todo|to do"));
        SECTION_NAMES.put(Section.OTHER, Pattern.compile(
                "appendix|references|glossary|detection|response|participants|people|what went well"
                        + "|what went wrong|where we got lucky|supporting information|metadata|details"));
    }

    private static final Pattern ATX_HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SETEXT_RULE = Pattern.compile("^\\s{0,3}(=+|-{3,})\\s*$");
    private static final Pattern BOLD_LINE = Pattern.compile("^\\s*(\\*\\*|__)([^*_].*?)\\1\\s*:?\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+•·]|\\d{1,3}[.)])\\s+(?:\\[[ xX]\\]\\s+)?");
    private static final Pattern PARENTHETICAL = Pattern.compile("\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|`|~~|<br\\s*/?>|</?(?:b|strong|em|i|code)>");
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s\\-–—:|,;)\\]>*_=]+");
    private static final Pattern SLUG = Pattern.compile("^[\\w.\\-]+$");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern ZONE_STATEMENT = Pattern.compile(
            "\\b(times?|timestamps?|time ?zones?|zone|clock)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEVERITY = Pattern.compile(
            "\\bsev(?:erity)?\\s*(?:level)?\\s*[-:=#]?\\s*([1-4])\\b"
                    + "|\\bseverity\\s*(?:level)?\\s*[-:=]?\\s*(critical|high|major|medium|moderate|low|minor)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPACT_PERCENT = Pattern.compile(
            "(\\d{1,3}(?:\\.\\d+)?)\\s?%\\s*(?:impact|of\\s+(?:all\\s+|our\\s+|the\\s+)*(?:incoming\\s+|api\\s+|http\\s+)?"
                    + "(?:requests|traffic|users|customers|clients|calls|transactions|checkouts|payments|queries"
                    + "|sessions|page loads|logins|orders))"
                    + "|\\b(?:impact(?:ed|ing)?|affect(?:ed|ing)|error rate|failure rate|failed|failing)\\b[^.;%\\d]{0,40}?"
                    + "(\\d{1,3}(?:\\.\\d+)?)\\s?%",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FULL_IMPACT = Pattern.compile(
            "\\ball (?:of )?(?:our |the )?(?:users|customers|clients|traffic|requests)\\b"
                    + "|\\b(?:complete|total|full) (?:outage|downtime|loss of service)\\b|\\bevery (?:user|customer|request)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RESTORE_CLAUSE = Pattern.compile(
            "\\b(back|restor\\w*|recover\\w*)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROSE_END = Pattern.compile(
            "\\b(restored|back online|back up|recovered|rolled back|rolling back|roll(ed)? back|resolved|fixed"
                    + "|mitigated|sorted|ended|was over)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final String NUMBER_WORDS = "an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty"
            + "|thirty|forty-five|ninety";
    private static final Pattern DURATION = Pattern.compile(
            "\\b(?:lasted|lasting|for|duration(?:\\s+of)?\\s*:?|took|down for|outage of)\\s+"
                    + "(?:about\\s+|approximately\\s+|around\\s+|roughly\\s+|nearly\\s+|almost\\s+|~\\s*)?"
                    + "(?<n>\\d+(?:\\.\\d+)?|" + NUMBER_WORDS + ")\\s*(?<u>hours?|hrs?|h|minutes?|mins?|m)\\b"
                    + "(?:\\s*(?:and\\s+)?(?<n2>\\d+)\\s*(?:minutes?|mins?|m)\\b)?"
                    + "|\\b(?<n3>\\d+|" + NUMBER_WORDS + ")[- ](?<u3>hour|minute)s?[- ](?:long\\s+)?"
                    + "(?:outage|incident|downtime|disruption)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION_CONTEXT = Pattern.compile(
            "\\b(outage|impact|downtime|incident|unavailab\\w*|down|errors?|disruption|degrad\\w*|lasted)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_LINE = Pattern.compile(
            "^(?:(?:affected|impacted)\\s+(?<k1>services?|systems?|components?|clients?|customers?)"
                    + "|(?<k2>services?|systems?|components?|clients?|customers?)\\s+(?:affected|impacted)"
                    + "|(?<k3>services?|clients?|customers?))\\s*[:\\-–]\\s*(?<items>.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_SPLIT = Pattern.compile("\\s*(?:,|;|/|\\band\\b|&)\\s*");
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "^(all|none|n/?a|unknown|everyone|every\\b.*|all\\b.*|tbd|-)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SHORT_UNIT = Pattern.compile("\\d\\s*[hm]\\b");
    private static final Pattern PROSE_END_HINT = Pattern.compile("restor|back|recover|resolv|fix|mitigat|sorted|ended|over");
    private static final Pattern CLAUSE_SPLIT = Pattern.compile("[;!?]|\\.(?=\\s)");

    private PostmortemParser() {
    }

    /**
     * Reads {@code text} (any length; callers bound it) with the catalog's services and clients.
     *
     * @return a draft, or a refusal when the text is empty, has no timeline, or has times but no date
     */
    public static ParseResult parse(String text, Options options, Catalog catalog) {
        return new Reading(text == null ? "" : text, options == null ? Options.none() : options,
                catalog == null ? Catalog.empty() : catalog).read();
    }

    /** One line of the document with what it was read as. */
    private static final class Line {
        final int number;
        final String raw;
        String clean;
        Section section = Section.INTRO;
        boolean code;
        boolean heading;
        boolean tableish;
        boolean blank;
        Entry entry;
        WrittenDate dateOnly;
        int block = -1;

        Line(int number, String raw) {
            this.number = number;
            this.raw = raw;
        }

        boolean prose() {
            return !code && !heading && !blank && !tableish && entry == null && dateOnly == null;
        }
    }

    /** A timeline entry as written, then placed in time. */
    private static final class Entry {
        final Line line;
        final WrittenDate date;
        final LocalTime time;
        final ReadZone zone;
        final String text;
        Set<EventMeaning> meanings;
        LocalDateTime local;
        ZoneId zoneUsed;
        Instant at;

        Entry(Line line, WrittenDate date, LocalTime time, ReadZone zone, String text) {
            this.line = line;
            this.date = date;
            this.time = time;
            this.zone = zone;
            this.text = text;
        }
    }

    private record DateMention(WrittenDate date, int line, int rank) {
    }

    private record ZoneMention(ReadZone zone, int line) {
    }

    private record Value(BigDecimal value, int line) {
    }

    /** The state of reading one document. */
    private static final class Reading {
        final String text;
        final Options options;
        final Catalog catalog;
        final List<Line> lines = new ArrayList<>();
        final List<Warning> warnings = new ArrayList<>();
        final Map<Code, Integer> repeated = new HashMap<>();
        Line titleLine;
        String titleText;
        final List<DateMention> dates = new ArrayList<>();
        final List<ZoneMention> statedZones = new ArrayList<>();
        final List<ZoneMention> proseTimeZones = new ArrayList<>();
        boolean dayFirst = true;
        /** Whether the year of the incident's date is written in the document (not only given by the caller). */
        boolean yearWritten = true;

        Reading(String text, Options options, Catalog catalog) {
            this.text = text;
            this.options = options;
            this.catalog = catalog;
        }

        ParseResult read() {
            if (text.isBlank()) {
                return ParseResult.refused(Reason.EMPTY, "The document is empty: there is nothing to import.");
            }
            split();
            structure();
            List<Entry> entries = lines.stream().filter(l -> l.entry != null).map(l -> l.entry).toList();
            if (entries.isEmpty()) {
                return ParseResult.refused(Reason.NO_TIMELINE, "No timeline found: no line starts with a time of day"
                        + " (such as '10:00 Outage began', '9:45 AM<tab>Alert fired' or '| 10:00 | Outage began |')."
                        + " Nothing was drafted.");
            }
            decideDayMonthOrder(entries);
            DateChoice date = chooseDate(entries);
            if (date == null) {
                return ParseResult.refused(Reason.NO_DATE, "The timeline has times of day but the document gives no"
                        + " date for them. Give the incident's date and read it again.");
            }
            ZoneChoice zone = chooseZone(entries);
            List<Entry> incident = incidentEntries(entries);
            place(incident, date.date, zone.zone);
            List<Entry> kept = incident.size() > MAX_ENTRIES ? incident.subList(0, MAX_ENTRIES) : incident;
            if (kept.size() < incident.size()) {
                warn(Code.TRUNCATED, "The timeline has " + incident.size() + " entries; only the first " + MAX_ENTRIES
                        + " were kept.", kept.get(kept.size() - 1).line.number);
            }
            Instants instants = derive(kept, date.date, zone.zone);
            String title = title(date.date);
            Value impact = impact();
            String severity = severity();
            if (severity == null) {
                warn(Code.NO_SEVERITY, "The document states no severity (SEV1 to SEV4); choose one before saving.",
                        null);
            }
            List<Mention> services = new ArrayList<>();
            List<Mention> clients = new ArrayList<>();
            mentions(services, clients, kept);
            if (services.isEmpty() && clients.isEmpty()) {
                warn(Code.NO_SERVICE, "No known service or client is named; choose at least one affected service"
                        + " or client before saving.", null);
            }
            List<TimelineItem> timeline = kept.stream()
                    .map(e -> new TimelineItem(e.at, cut(e.text, ENTRY_TEXT_MAX, "a timeline entry", e.line.number),
                            e.line.number))
                    .toList();
            return ParseResult.of(new PostmortemDraft(title, severity, impact == null ? null : impact.value(),
                    impact == null ? null : impact.line(), List.copyOf(services), List.copyOf(clients),
                    cut(prose(Section.SUMMARY, Section.INTRO), TEXT_MAX, "the summary", null),
                    cut(prose(Section.ROOT_CAUSE, null), TEXT_MAX, "the root cause", null), actions(), timeline,
                    instants.started, instants.detected, instants.acknowledged, instants.mitigated, instants.resolved,
                    zone.zone, zone.line, date.date, date.line, List.copyOf(warnings)));
        }

        // --- structure -----------------------------------------------------------------------------------

        void split() {
            int number = 1;
            int start = 0;
            int length = text.length();
            for (int i = 0; i <= length; i++) {
                if (i == length || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                    if (i == length && start == length) {
                        break;
                    }
                    lines.add(new Line(number++, text.substring(start, i)));
                    if (i < length && text.charAt(i) == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    start = i + 1;
                }
            }
        }

        void structure() {
            Section section = Section.INTRO;
            boolean code = false;
            boolean titleByHeading = false;
            int block = 0;
            boolean blockHasEntries = false;
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                line.section = section;
                if (FENCE.matcher(line.raw).find()) {
                    code = !code;
                    line.code = true;
                    continue;
                }
                if (code) {
                    line.code = true;
                    continue;
                }
                String raw = line.raw.replace('\u00a0', ' ');
                line.clean = clean(raw);
                if (line.clean.isEmpty()) {
                    line.blank = true;
                    continue;
                }
                line.tableish = raw.indexOf('|') >= 0 || raw.indexOf('\t') >= 0;
                if (line.tableish && TABLE_SEPARATOR.matcher(raw).matches()) {
                    line.blank = true;
                    continue;
                }
                if (SETEXT_RULE.matcher(raw).matches()) {
                    line.blank = true;
                    continue;
                }
                String headingText = null;
                boolean markup = false;
                int level = 0;
                Matcher atx = ATX_HEADING.matcher(raw);
                if (atx.matches()) {
                    headingText = clean(atx.group(2));
                    level = atx.group(1).length();
                    markup = true;
                } else {
                    Entry entry = entry(line);
                    if (entry != null) {
                        line.entry = entry;
                        line.block = block;
                        blockHasEntries = true;
                        if (entry.date != null) {
                            addDateMention(line, entry.date, Section.TIMELINE);
                        }
                        continue;
                    }
                    if (!line.tableish && i + 1 < lines.size() && SETEXT_RULE.matcher(lines.get(i + 1).raw).matches()
                            && !LIST_MARKER.matcher(raw).find()) {
                        headingText = line.clean;
                        level = lines.get(i + 1).raw.strip().startsWith("=") ? 1 : 2;
                        markup = true;
                    } else {
                        Matcher bold = BOLD_LINE.matcher(raw);
                        if (bold.matches()) {
                            headingText = clean(bold.group(2));
                            markup = true;
                            level = 3;
                        }
                    }
                }
                Section named = null;
                String inline = null;
                if (headingText != null) {
                    named = sectionOf(headingText);
                } else if (!line.tableish && line.clean.length() <= 60) {
                    named = sectionOf(line.clean);
                    if (named != null) {
                        headingText = line.clean;
                    }
                }
                if (headingText == null && !line.tableish) {
                    int colon = line.clean.indexOf(':');
                    if (colon > 2 && colon <= 40) {
                        Section before = sectionOf(line.clean.substring(0, colon));
                        String after = line.clean.substring(colon + 1).strip();
                        if (before != null && !PARENTHETICAL.matcher(after).replaceAll("").isBlank()) {
                            named = before;
                            headingText = line.clean.substring(0, colon);
                            inline = after;
                        }
                    }
                }
                if (headingText != null) {
                    scan(line, headingText, named == null ? section : named);
                    WrittenDate dateHeading = dateOnly(headingText);
                    if (dateHeading != null && named == null) {
                        // "### 17 January" inside a timeline: the day of the entries below, not a new section
                        line.dateOnly = dateHeading;
                        line.heading = section != Section.TIMELINE;
                        if (line.heading && titleLine == null && markup && level == 1) {
                            titleLine = line;
                            titleText = headingText;
                            titleByHeading = true;
                        }
                        continue;
                    }
                    if (named != null || markup) {
                        line.heading = true;
                        if (named == null && titleLine == null && (level == 1 || !titleByHeading && i == firstContent())) {
                            titleLine = line;
                            titleText = headingText;
                            titleByHeading = true;
                            section = Section.INTRO;
                        } else {
                            section = named == null ? Section.OTHER : named;
                        }
                        line.section = section;
                        if (blockHasEntries) {
                            block++;
                            blockHasEntries = false;
                        }
                        if (inline != null) {
                            // "Root cause: the config ..." opens the section and starts its text
                            line.heading = false;
                            line.clean = inline;
                        } else {
                            continue;
                        }
                    }
                }
                WrittenDate onlyDate = dateOnly(line.clean);
                if (onlyDate != null) {
                    line.dateOnly = onlyDate;
                    addDateMention(line, onlyDate, section);
                    continue;
                }
                if (titleLine == null && !titleByHeading && !line.tableish && section == Section.INTRO
                        && line.clean.length() <= 150 && (!SLUG.matcher(line.clean).matches() || !hasLaterContent(i))) {
                    titleLine = line;
                    titleText = line.clean;
                    line.heading = true;
                    scan(line, line.clean, Section.INTRO);
                    continue;
                }
                if (!line.tableish && blockHasEntries) {
                    block++;
                    blockHasEntries = false;
                }
                scan(line, line.clean, section);
            }
        }

        /** The dates and zones a line of prose or a heading writes. */
        void scan(Line line, String text, Section section) {
            for (WrittenDate date : WrittenWhen.findDates(text)) {
                addDateMention(line, date, section);
            }
            zonesOf(line.number, text);
        }

        int firstContent() {
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).raw.isBlank()) {
                    return i;
                }
            }
            return 0;
        }

        boolean hasLaterContent(int index) {
            for (int i = index + 1; i < lines.size() && i < index + 20; i++) {
                if (!lines.get(i).raw.isBlank()) {
                    return true;
                }
            }
            return false;
        }

        void addDateMention(Line line, WrittenDate date, Section section) {
            if (section == Section.PREVENTIVE) {
                return;
            }
            int rank = switch (section) {
                case INTRO, SUMMARY, IMPACT, TIMELINE -> 0;
                default -> 1;
            };
            dates.add(new DateMention(date, line.number, rank));
        }

        void zonesOf(int number, String clean) {
            if (ZONE_STATEMENT.matcher(clean).find()) {
                for (ReadZone zone : WrittenWhen.findZones(clean)) {
                    statedZones.add(new ZoneMention(zone, number));
                }
            }
            for (WrittenTime time : WrittenWhen.findTimes(clean)) {
                WrittenZone zone = WrittenWhen.zoneAt(clean, time.end());
                if (zone != null) {
                    proseTimeZones.add(new ZoneMention(zone.zone(), number));
                }
            }
        }

        /** The entry a line holds: a time (maybe after a date, maybe with a zone) and some words. */
        Entry entry(Line line) {
            String raw = line.raw.replace('\u00a0', ' ');
            List<String> cells = cells(raw);
            if (cells.isEmpty()) {
                return null;
            }
            String first = LIST_MARKER.matcher(cells.get(0)).replaceFirst("");
            first = clean(first);
            while (first.startsWith("[") || first.startsWith("(")) {
                first = first.substring(1).stripLeading();
            }
            if (first.isEmpty() || !mayStartWhen(first)) {
                return null;
            }
            int position = 0;
            WrittenDate date = WrittenWhen.dateAt(first, 0);
            if (date != null) {
                position = WrittenWhen.afterDate(first, date.end());
            }
            WrittenTime time = WrittenWhen.timeAt(first, position);
            List<String> rest = new ArrayList<>();
            int restCell = 1;
            if (time == null && date != null && date.end() == first.length() && cells.size() > 1) {
                // a date column, then a time column
                String second = clean(cells.get(1));
                time = WrittenWhen.timeAt(second, 0);
                if (time == null) {
                    return null;
                }
                first = second;
                restCell = 2;
            }
            if (time == null) {
                return null;
            }
            int end = time.end();
            ReadZone zone = null;
            WrittenZone written = WrittenWhen.zoneAt(first, end);
            if (written != null) {
                zone = written.zone();
                end = written.end();
            }
            if (end < first.length() && Character.isLetterOrDigit(first.charAt(end))
                    && !Character.isWhitespace(first.charAt(end - 1))) {
                return null;
            }
            rest.add(first.substring(end));
            for (int c = restCell; c < cells.size(); c++) {
                rest.add(clean(cells.get(c)));
            }
            String words = rest.stream().map(s -> LEADING_SEPARATORS.matcher(s).replaceFirst("").strip())
                    .filter(s -> !s.isEmpty()).collect(Collectors.joining(" — "));
            if (!LETTER.matcher(words).find()) {
                return null;
            }
            Entry entry = new Entry(line, date, time.time(), zone, words);
            entry.meanings = EventMeaning.of(words);
            return entry;
        }

        // --- dates and zones -----------------------------------------------------------------------------

        void decideDayMonthOrder(List<Entry> entries) {
            boolean dayFirstSeen = false;
            boolean monthFirstSeen = false;
            DateMention ambiguous = null;
            for (DateMention mention : dates) {
                WrittenDate d = mention.date();
                if (!d.numeric()) {
                    continue;
                }
                if (d.first() > 12) {
                    dayFirstSeen = true;
                } else if (d.second() > 12) {
                    monthFirstSeen = true;
                } else if (d.ambiguous() && ambiguous == null) {
                    ambiguous = mention;
                }
            }
            if (dayFirstSeen && monthFirstSeen) {
                warn(Code.AMBIGUOUS_DAY_MONTH, "The document writes dates both day-first and month-first;"
                        + " numeric dates were read day-first.", null);
                dayFirst = true;
            } else if (dayFirstSeen || monthFirstSeen) {
                dayFirst = dayFirstSeen;
            } else if (ambiguous != null) {
                boolean us = statedOrEntryZones(entries).stream().anyMatch(ZoneTable::monthFirst);
                dayFirst = !us;
                WrittenDate d = ambiguous.date();
                LocalDate asDayFirst = d.resolve(true, 2000);
                LocalDate asMonthFirst = d.resolve(false, 2000);
                warn(Code.AMBIGUOUS_DAY_MONTH, "The date " + d.first() + "/" + d.second() + " can be "
                        + monthDay(asDayFirst) + " or " + monthDay(asMonthFirst) + "; it was read "
                        + (dayFirst ? "day-first (" + monthDay(asDayFirst) + ")"
                                : "month-first (" + monthDay(asMonthFirst) + ") because the document's zone is a US zone")
                        + ". Check the date.", ambiguous.line());
            }
        }

        List<ReadZone> statedOrEntryZones(List<Entry> entries) {
            List<ReadZone> zones = new ArrayList<>();
            lines.stream().filter(l -> l.clean != null && !l.code && ZONE_STATEMENT.matcher(l.clean).find())
                    .forEach(l -> zones.addAll(WrittenWhen.findZones(l.clean)));
            entries.stream().filter(e -> e.zone != null).forEach(e -> zones.add(e.zone));
            return zones;
        }

        record DateChoice(LocalDate date, Integer line) {
        }

        DateChoice chooseDate(List<Entry> entries) {
            Map<LocalDate, List<DateMention>> full = new LinkedHashMap<>();
            for (DateMention mention : dates) {
                if (mention.date().year() == null) {
                    continue;
                }
                LocalDate date = mention.date().resolve(dayFirst, 0);
                if (date != null) {
                    full.computeIfAbsent(date, d -> new ArrayList<>()).add(mention);
                }
            }
            if (options.date() != null) {
                yearWritten = full.keySet().stream().anyMatch(d -> d.getYear() == options.date().getYear());
                if (!full.isEmpty() && !(full.size() == 1 && full.containsKey(options.date()))) {
                    warn(Code.DATE_CONFLICT, "The date given with the request, " + options.date()
                            + ", was used; the document writes " + listDates(full) + ".", null);
                }
                return new DateChoice(options.date(), null);
            }
            if (full.isEmpty()) {
                // entries with a day but no year, and no year anywhere: nothing to anchor them
                return null;
            }
            Comparator<Map.Entry<LocalDate, List<DateMention>>> order = Comparator
                    .comparingInt((Map.Entry<LocalDate, List<DateMention>> e) ->
                            e.getValue().stream().mapToInt(DateMention::rank).min().orElse(9))
                    .thenComparing(e -> -e.getValue().size())
                    .thenComparingInt(e -> e.getValue().get(0).line());
            Map.Entry<LocalDate, List<DateMention>> chosen = full.entrySet().stream().min(order).orElseThrow();
            boolean entriesDated = entries.stream().anyMatch(e -> e.date != null && e.date.year() != null);
            if (full.size() > 1 && !entriesDated) {
                int rank = chosen.getValue().stream().mapToInt(DateMention::rank).min().orElse(9);
                int count = chosen.getValue().size();
                boolean othersOnlyLater = full.entrySet().stream().filter(e -> e != chosen)
                        .allMatch(e -> e.getValue().stream().mapToInt(DateMention::rank).min().orElse(9) > rank);
                String why = othersOnlyLater
                        ? "it is the date of the title, summary or timeline; the others appear only in later sections"
                        : count > 1 && full.entrySet().stream().filter(e -> e != chosen)
                                .allMatch(e -> e.getValue().size() < count)
                                ? "it is written most often (" + count + " times)"
                                : "it is written first";
                warn(Code.DATE_CONFLICT, "The document gives " + full.size() + " dates for the incident: "
                        + listDates(full) + ". " + human(chosen.getKey()) + " was used: " + why + ".",
                        full.entrySet().stream().filter(e -> e != chosen).findFirst().orElseThrow().getValue().get(0).line());
            } else if (full.size() > 1) {
                // dated timeline entries carry their own days; list the prose dates that are not among them
                Set<LocalDate> entryDays = new TreeSet<>();
                entries.stream().filter(e -> e.date != null && e.date.year() != null)
                        .forEach(e -> entryDays.add(e.date.resolve(dayFirst, 0)));
                Map<LocalDate, List<DateMention>> others = new LinkedHashMap<>(full);
                others.keySet().removeAll(entryDays);
                if (!others.isEmpty() && others.keySet().stream().anyMatch(d -> entryDays.stream()
                        .allMatch(day -> Math.abs(day.toEpochDay() - d.toEpochDay()) > 2))) {
                    warn(Code.DATE_CONFLICT, "The timeline is dated " + entryDays.stream().map(this::human)
                            .collect(Collectors.joining(", ")) + " but the document also writes "
                            + listDates(others) + "; the timeline's dates were used.", others.values().iterator().next().get(0).line());
                }
                Entry firstDated = entries.stream().filter(e -> e.date != null && e.date.year() != null).findFirst()
                        .orElseThrow();
                return new DateChoice(firstDated.date.resolve(dayFirst, 0), firstDated.line.number);
            }
            return new DateChoice(chosen.getKey(), chosen.getValue().get(0).line());
        }

        String listDates(Map<LocalDate, List<DateMention>> dates) {
            return dates.entrySet().stream().limit(5).map(e -> human(e.getKey()) + " (line"
                    + (e.getValue().size() > 1 ? "s " : " ")
                    + e.getValue().stream().limit(5).map(m -> String.valueOf(m.line())).distinct()
                            .collect(Collectors.joining(", "))
                    + ")").collect(Collectors.joining(" and "))
                    + (dates.size() > 5 ? " and " + (dates.size() - 5) + " more" : "");
        }

        String human(LocalDate date) {
            return date.getDayOfMonth() + " " + date.getMonth().getDisplayName(java.time.format.TextStyle.FULL,
                    Locale.ENGLISH) + " " + date.getYear();
        }

        String monthDay(LocalDate date) {
            return date == null ? "no such day" : date.getDayOfMonth() + " "
                    + date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        }

        record ZoneChoice(ZoneId zone, Integer line) {
        }

        ZoneChoice chooseZone(List<Entry> entries) {
            ZoneMention chosen = null;
            if (!statedZones.isEmpty()) {
                chosen = statedZones.get(0);
                Set<ZoneId> different = new LinkedHashSet<>();
                ZoneMention other = null;
                for (ZoneMention mention : statedZones) {
                    if (!sameZone(mention.zone().zone(), chosen.zone().zone()) && different.add(mention.zone().zone())
                            && other == null) {
                        other = mention;
                    }
                }
                if (other != null) {
                    warn(Code.ZONE_CONFLICT, "The document states its times in " + chosen.zone().written() + " (line "
                            + chosen.line() + ") and in " + other.zone().written() + " (line " + other.line()
                            + "); " + chosen.zone().written() + " was used where a time names no zone of its own.",
                            other.line());
                }
            } else {
                Entry zoned = entries.stream().filter(e -> e.zone != null).findFirst().orElse(null);
                if (zoned != null) {
                    chosen = new ZoneMention(zoned.zone, zoned.line.number);
                } else if (!proseTimeZones.isEmpty()) {
                    chosen = proseTimeZones.get(0);
                }
            }
            if (chosen == null) {
                ZoneId fallback = options.defaultZone() == null ? ZoneOffset.UTC : options.defaultZone();
                warn(Code.NO_ZONE, "The document names no time zone; its times were read in "
                        + (options.defaultZone() == null ? "UTC" : ZoneTable.describe(fallback) + " (the default zone given)")
                        + ". Check the zone.", null);
                return new ZoneChoice(fallback, null);
            }
            Set<String> warned = new LinkedHashSet<>();
            List<ReadZone> all = new ArrayList<>();
            all.add(chosen.zone());
            entries.stream().filter(e -> e.zone != null).forEach(e -> all.add(e.zone));
            for (ReadZone zone : all) {
                if (zone.ambiguity() != null && warned.add(zone.written())) {
                    warn(Code.AMBIGUOUS_ZONE, zone.written() + " was read as " + zone.ambiguity()
                            + ". Check the zone.", chosen.line());
                }
            }
            return new ZoneChoice(chosen.zone().zone(), chosen.line());
        }

        boolean sameZone(ZoneId a, ZoneId b) {
            return a.normalized().equals(b.normalized());
        }

        // --- the timeline --------------------------------------------------------------------------------

        /** The entries of the first incident: a later block with its own outage start is a second incident. */
        List<Entry> incidentEntries(List<Entry> entries) {
            Map<Integer, List<Entry>> blocks = new LinkedHashMap<>();
            for (Entry entry : entries) {
                blocks.computeIfAbsent(entry.line.block, b -> new ArrayList<>()).add(entry);
            }
            List<Integer> startBlocks = blocks.entrySet().stream()
                    .filter(b -> b.getValue().stream().anyMatch(e -> e.meanings.contains(EventMeaning.STARTED)))
                    .map(Map.Entry::getKey).toList();
            if (startBlocks.size() < 2) {
                return entries;
            }
            int cut = startBlocks.get(1);
            List<Entry> first = entries.stream().filter(e -> e.line.block < cut).toList();
            List<Entry> second = entries.stream().filter(e -> e.line.block >= cut).toList();
            warn(Code.SECOND_INCIDENT, "The document has a second timeline with its own outage start (lines "
                    + second.get(0).line.number + " to " + second.get(second.size() - 1).line.number
                    + "); only the first incident (lines " + first.get(0).line.number + " to "
                    + first.get(first.size() - 1).line.number + ") was drafted. Import the second one separately.",
                    second.get(0).line.number);
            return first;
        }

        /** Gives each entry its instant: its own date or the current day, midnight crossings advancing the day. */
        void place(List<Entry> entries, LocalDate date, ZoneId zone) {
            if (entries.isEmpty()) {
                return;
            }
            int year = date.getYear();
            LocalDate current = date;
            LocalDateTime previous = null;
            int from = entries.get(0).line.number - 1;
            // a date written just above the timeline ("**16 January 2024**", "### Jan 16") is its first day
            while (from > 0) {
                Line above = lines.get(from - 1);
                if (above.blank || above.code || above.dateOnly != null || above.tableish && above.entry == null) {
                    from--;
                } else {
                    break;
                }
            }
            int to = entries.get(entries.size() - 1).line.number - 1;
            Set<Line> entryLines = entries.stream().map(e -> e.line).collect(Collectors.toSet());
            for (int i = from; i <= to; i++) {
                Line line = lines.get(i);
                if (line.dateOnly != null && line.entry == null && !entryLines.contains(line)) {
                    LocalDate day = resolveDate(line.dateOnly, year, line.number);
                    if (day != null) {
                        current = day;
                        previous = null;
                    }
                    continue;
                }
                if (line.entry == null || !entryLines.contains(line)) {
                    continue;
                }
                Entry entry = line.entry;
                LocalDateTime local;
                if (entry.date != null) {
                    LocalDate day = resolveDate(entry.date, year, line.number);
                    current = day == null ? current : day;
                    local = LocalDateTime.of(current, entry.time);
                } else {
                    local = LocalDateTime.of(current, entry.time);
                    if (previous != null && local.isBefore(previous)) {
                        if (Duration.between(local, previous).compareTo(NEXT_DAY_THRESHOLD) > 0) {
                            current = current.plusDays(1);
                            local = local.plusDays(1);
                            warnRepeated(Code.DAY_ADVANCED, "Line " + line.number + ": " + entry.time + " is earlier than "
                                    + previous.toLocalTime() + " before it, so it was read as the next day, "
                                    + human(current) + ".", line.number);
                        } else {
                            warnRepeated(Code.TIMELINE_OUT_OF_ORDER, "Line " + line.number + ": " + entry.time
                                    + " is earlier than " + previous.toLocalTime() + " on the line before;"
                                    + " it was kept on the same day.", line.number);
                        }
                    }
                }
                previous = local;
                entry.local = local;
                entry.zoneUsed = entry.zone == null ? zone : entry.zone.zone();
                // a time in a spring-forward gap moves forward by the gap, as clocks do
                entry.at = ZonedDateTime.ofLocal(local, entry.zoneUsed, null).toInstant();
            }
        }

        LocalDate resolveDate(WrittenDate date, int year, int line) {
            if (date.year() == null && !yearWritten) {
                warnRepeated(Code.YEAR_ASSUMED, "Line " + line + " gives a day without a year; " + year
                        + " was assumed.", line);
            }
            return date.resolve(dayFirst, year);
        }

        private record Instants(DerivedInstant started, DerivedInstant detected, DerivedInstant acknowledged,
                DerivedInstant mitigated, DerivedInstant resolved) {
        }

        Instants derive(List<Entry> entries, LocalDate date, ZoneId zone) {
            Entry start = earliest(entries, e -> e.meanings.contains(EventMeaning.STARTED), null);
            DerivedInstant started;
            if (start != null) {
                started = derived(start, "impact began");
            } else {
                Entry detect = earliest(entries, e -> e.meanings.contains(EventMeaning.DETECTED), null);
                Entry source = detect != null ? detect : entries.get(0);
                started = derived(source, detect != null ? "no line says when the impact began: the first alert"
                        : "no line says when the impact began: the first timeline entry");
                warn(Code.NO_START, "No timeline line says when the impact began; the start was taken from "
                        + (detect != null ? "the first alert" : "the first entry") + " (line " + source.line.number
                        + "). Check it.", source.line.number);
            }
            Instant startAt = started.at();
            Entry detect = earliest(entries, e -> e.meanings.contains(EventMeaning.DETECTED), null);
            Entry ack = earliest(entries, e -> e.meanings.contains(EventMeaning.ACKNOWLEDGED), null);
            Entry restore = earliest(entries, e -> e.meanings.contains(EventMeaning.RESTORED), startAt);
            Entry rollback = restore == null
                    ? earliest(entries, e -> e.meanings.contains(EventMeaning.ROLLED_BACK), startAt) : null;
            Entry resolve = earliest(entries, e -> e.meanings.contains(EventMeaning.RESOLVED), startAt);
            DerivedInstant mitigated = restore != null ? derived(restore, "service restored")
                    : rollback != null ? derived(rollback, "rollback or fix completed (no line says the service was restored)")
                    : null;
            DerivedInstant resolved = resolve == null ? null : derived(resolve, "incident resolved or closed");

            Duration stated = null;
            int durationLine = 0;
            String durationText = null;
            for (Line line : lines) {
                if (line.code || line.blank || line.clean == null || line.section == Section.PREVENTIVE) {
                    continue;
                }
                String words = line.entry != null ? line.entry.text : line.clean;
                if (!mayStateDuration(words)) {
                    continue;
                }
                Matcher m = DURATION.matcher(words);
                while (m.find()) {
                    String clause = clauseAround(words, m.start());
                    if (m.group("n3") == null && !DURATION_CONTEXT.matcher(clause).find()) {
                        continue;
                    }
                    stated = duration(m);
                    durationLine = line.number;
                    durationText = m.group().strip();
                    break;
                }
                if (stated != null) {
                    break;
                }
            }
            DerivedInstant end = mitigated != null ? mitigated : resolved;
            if (stated != null && !stated.isZero()) {
                Instant byDuration = startAt.plus(stated);
                if (end == null) {
                    mitigated = new DerivedInstant(byDuration, durationLine, lineText(durationLine),
                            "started + stated duration of " + minutes(stated));
                    end = mitigated;
                } else if (Duration.between(byDuration, end.at()).abs().compareTo(Duration.ofMinutes(1)) > 0) {
                    warn(Code.END_DISAGREES, "Line " + durationLine + " says '" + snippet(durationText)
                            + "', which ends the impact at " + local(byDuration, zone) + "; the timeline ends it at "
                            + local(end.at(), zone) + " (line " + end.line() + "), which was used.", durationLine);
                }
            }
            if (end == null) {
                warn(Code.NO_END, "No line says when the impact ended (service restored, resolved, or a duration):"
                        + " saved as it is, the incident counts as ongoing. Set the mitigated or resolved time.", null);
            } else {
                proseEnds(entries, end, mitigated, resolved, date, zone);
                if (restore != null) {
                    Instant restoredAt = restore.at;
                    entries.stream().filter(e -> e.meanings.contains(EventMeaning.STARTED) && e.at.isAfter(restoredAt))
                            .findFirst().ifPresent(again -> warn(Code.RECURRENCE, "Line " + again.line.number
                                    + " says the impact began again after the restore at line " + restore.line.number
                                    + "; only the first stretch (to line " + restore.line.number
                                    + ") counts as the outage. Record the second one separately if it was one.",
                                    again.line.number));
                }
            }
            DerivedInstant detected = detect == null ? null : derived(detect, "first alert, page or report");
            DerivedInstant acknowledged = ack == null ? null : derived(ack, "a responder took it");
            order(started, detected, acknowledged, mitigated, resolved);
            return new Instants(started, detected, acknowledged, mitigated, resolved);
        }

        /** Prose that ends the impact at another time than the timeline does. */
        void proseEnds(List<Entry> entries, DerivedInstant end, DerivedInstant mitigated, DerivedInstant resolved,
                LocalDate date, ZoneId zone) {
            Set<LocalTime> agreed = new TreeSet<>();
            for (DerivedInstant instant : new DerivedInstant[] {mitigated, resolved}) {
                if (instant != null) {
                    agreed.add(instant.at().atZone(zone).toLocalTime().withSecond(0).withNano(0));
                }
            }
            entries.stream().filter(e -> e.meanings.contains(EventMeaning.RESTORED)
                    || e.meanings.contains(EventMeaning.ROLLED_BACK) || e.meanings.contains(EventMeaning.RESOLVED))
                    .forEach(e -> agreed.add(e.local.toLocalTime().withSecond(0).withNano(0)));
            int warned = 0;
            for (Line line : lines) {
                if (!line.prose() || line.section == Section.PREVENTIVE || line.clean == null || warned >= 3) {
                    continue;
                }
                if (!PROSE_END_HINT.matcher(line.clean.toLowerCase(Locale.ROOT)).find()) {
                    continue;
                }
                for (String clause : CLAUSE_SPLIT.split(line.clean)) {
                    Matcher endWord = PROSE_END.matcher(clause);
                    if (!endWord.find()) {
                        continue;
                    }
                    for (WrittenTime time : WrittenWhen.findTimes(clause)) {
                        LocalTime said = time.time();
                        if (!agreed.contains(said)) {
                            warn(Code.END_DISAGREES, "Line " + line.number + " says the impact ended with '"
                                    + snippet(endWord.group()) + "' at " + said + ", but the timeline ends it at "
                                    + end.at().atZone(zone).toLocalTime() + " (line " + end.line()
                                    + "); the timeline was used.", line.number);
                            warned++;
                        }
                        break;
                    }
                }
            }
        }

        void order(DerivedInstant started, DerivedInstant detected, DerivedInstant acknowledged,
                DerivedInstant mitigated, DerivedInstant resolved) {
            List<String> broken = new ArrayList<>();
            check(broken, "detected", detected, "started", started);
            check(broken, "acknowledged", acknowledged, "started", started);
            check(broken, "acknowledged", acknowledged, "detected", detected);
            check(broken, "mitigated", mitigated, "started", started);
            check(broken, "resolved", resolved, "started", started);
            check(broken, "resolved", resolved, "mitigated", mitigated);
            if (!broken.isEmpty()) {
                warn(Code.INSTANTS_OUT_OF_ORDER, "The derived instants are out of order: " + String.join("; ", broken)
                        + ". Correct them before saving.", null);
            }
        }

        void check(List<String> broken, String laterName, DerivedInstant later, String earlierName,
                DerivedInstant earlier) {
            if (later != null && earlier != null && later.at().isBefore(earlier.at())) {
                broken.add(laterName + " (line " + later.line() + ") is before " + earlierName + " (line "
                        + earlier.line() + ")");
            }
        }

        Entry earliest(List<Entry> entries, Predicate<Entry> wanted, Instant notBefore) {
            Entry best = null;
            for (Entry entry : entries) {
                if (wanted.test(entry) && (notBefore == null || !entry.at.isBefore(notBefore))
                        && (best == null || entry.at.isBefore(best.at))) {
                    best = entry;
                }
            }
            return best;
        }

        DerivedInstant derived(Entry entry, String reason) {
            return new DerivedInstant(entry.at, entry.line.number, lineText(entry.line.number), reason);
        }

        String lineText(int number) {
            String raw = lines.get(number - 1).raw.strip();
            return raw.length() <= LINE_TEXT_MAX ? raw : raw.substring(0, LINE_TEXT_MAX) + "…";
        }

        // --- the rest of the draft -----------------------------------------------------------------------

        String title(LocalDate date) {
            String title = titleText == null ? null : titleText.replaceFirst("(?i)^title\\s*:\\s*", "").strip();
            if (title == null || title.isEmpty()) {
                warn(Code.NO_TITLE, "No title found; one was made from the date.", null);
                return "Incident of " + date;
            }
            return cut(title, TITLE_MAX, "the title", titleLine.number);
        }

        Value impact() {
            List<Value> found = new ArrayList<>();
            for (Line line : lines) {
                if (line.code || line.blank || line.clean == null || line.section == Section.PREVENTIVE
                        || line.entry != null && (line.entry.meanings.contains(EventMeaning.RESTORED)
                                || line.entry.meanings.contains(EventMeaning.ROLLED_BACK))) {
                    continue;
                }
                String words = line.entry != null ? line.entry.text : line.clean;
                String lower = words.toLowerCase(Locale.ROOT);
                if (words.indexOf('%') < 0 && !lower.contains("all ") && !lower.contains("every ")
                        && !lower.contains("outage") && !lower.contains("downtime") && !lower.contains("loss of")) {
                    continue;
                }
                for (String clause : CLAUSE_SPLIT.split(words)) {
                    if (RESTORE_CLAUSE.matcher(clause).find()) {
                        continue;
                    }
                    Matcher m = IMPACT_PERCENT.matcher(clause);
                    while (m.find()) {
                        BigDecimal value = new BigDecimal(m.group(1) != null ? m.group(1) : m.group(2));
                        if (value.signum() > 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0) {
                            found.add(new Value(value.stripTrailingZeros(), line.number));
                        }
                    }
                    if (FULL_IMPACT.matcher(clause).find()) {
                        found.add(new Value(BigDecimal.valueOf(100), line.number));
                    }
                }
            }
            if (found.isEmpty()) {
                return null;
            }
            Value largest = found.stream().max(Comparator.comparing(Value::value)).orElseThrow();
            Set<BigDecimal> distinct = found.stream().map(Value::value).collect(Collectors.toCollection(TreeSet::new));
            Value first = found.stream().filter(v -> v.value().compareTo(largest.value()) == 0).findFirst().orElseThrow();
            if (distinct.size() > 1) {
                warn(Code.IMPACT_CONFLICT, "The document states impacts of " + distinct.stream()
                        .map(v -> v.toPlainString() + " %").collect(Collectors.joining(", "))
                        + "; the largest, " + largest.value().toPlainString() + " % (line " + first.line()
                        + "), was used.", first.line());
            }
            return first;
        }

        String severity() {
            for (Line line : lines) {
                if (line.code || line.blank || line.clean == null || line.section == Section.PREVENTIVE) {
                    continue;
                }
                String words = line.entry != null ? line.entry.text : line.clean;
                if (!words.regionMatches(true, 0, "sev", 0, 3) && !words.toLowerCase(Locale.ROOT).contains("sev")) {
                    continue;
                }
                Matcher m = SEVERITY.matcher(words);
                if (m.find()) {
                    if (m.group(1) != null) {
                        return "SEV" + m.group(1);
                    }
                    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
                        case "critical" -> "SEV1";
                        case "high", "major" -> "SEV2";
                        case "medium", "moderate" -> "SEV3";
                        default -> "SEV4";
                    };
                }
            }
            return null;
        }

        /** Known services and clients: from explicit lists ("Affected services: ..."), else named in the text. */
        void mentions(List<Mention> services, List<Mention> clients, List<Entry> kept) {
            boolean serviceList = false;
            boolean clientList = false;
            Map<String, String> serviceKeys = normalizedKeys(catalog.services());
            Map<String, String> clientKeys = normalizedKeys(catalog.clients());
            Set<Integer> listLines = new java.util.HashSet<>();
            for (Line line : lines) {
                if (line.code || line.blank || line.clean == null || line.entry != null) {
                    continue;
                }
                String candidate = line.clean;
                if (line.tableish) {
                    List<String> cells = cells(line.raw);
                    if (cells.size() != 2) {
                        continue;
                    }
                    candidate = clean(cells.get(0)) + ": " + clean(cells.get(1));
                }
                candidate = LIST_MARKER.matcher(candidate).replaceFirst("");
                Matcher m = LIST_LINE.matcher(candidate);
                if (!m.matches()) {
                    continue;
                }
                String kind = m.group("k1") != null ? m.group("k1") : m.group("k2") != null ? m.group("k2") : m.group("k3");
                boolean isClient = kind.toLowerCase(Locale.ROOT).startsWith("client")
                        || kind.toLowerCase(Locale.ROOT).startsWith("customer");
                listLines.add(line.number);
                if (isClient) {
                    clientList = true;
                } else {
                    serviceList = true;
                }
                for (String item : LIST_SPLIT.split(m.group("items"))) {
                    String name = PARENTHETICAL.matcher(item).replaceAll("").replaceAll("[`*_\"']", "").strip();
                    if (name.isEmpty() || NOT_A_NAME.matcher(name).matches()) {
                        continue;
                    }
                    String key = (isClient ? clientKeys : serviceKeys).get(normalized(name));
                    List<Mention> target = isClient ? clients : services;
                    if (key != null) {
                        if (target.stream().noneMatch(x -> x.key().equals(key))) {
                            target.add(new Mention(key, line.number));
                        }
                    } else {
                        warnRepeated(isClient ? Code.UNKNOWN_CLIENT : Code.UNKNOWN_SERVICE, "Line " + line.number
                                + " names " + (isClient ? "a client" : "a service") + " SLA Ledger does not know: '"
                                + snippet(name) + "'. Choose it from the list or add it first.", line.number);
                    }
                }
            }
            if (serviceList && clientList) {
                return;
            }
            // names in the title, intro, summary, impact and timeline (not in the root cause or the actions)
            Set<Line> keptLines = kept.stream().map(e -> e.line).collect(Collectors.toSet());
            Map<String, Integer> servicesFound = new LinkedHashMap<>();
            Map<String, Integer> clientsFound = new LinkedHashMap<>();
            for (Line line : lines) {
                if (line.code || line.blank || line.clean == null || listLines.contains(line.number)) {
                    continue;
                }
                boolean eligible = line == titleLine || (line.entry != null ? keptLines.contains(line)
                        : line.prose() && switch (line.section) {
                            case INTRO, SUMMARY, IMPACT, TIMELINE -> true;
                            default -> false;
                        });
                if (!eligible) {
                    continue;
                }
                String[] words = WORD_SPLIT.split((line.entry != null ? line.entry.text : line.clean)
                        .toLowerCase(Locale.ROOT));
                for (int i = 0; i < words.length; i++) {
                    StringBuilder gram = new StringBuilder();
                    for (int n = 0; n < 4 && i + n < words.length; n++) {
                        gram.append(words[i + n]);
                        if (gram.length() < 2) {
                            continue;
                        }
                        String candidate = gram.toString();
                        if (!serviceList && serviceKeys.containsKey(candidate)) {
                            servicesFound.putIfAbsent(serviceKeys.get(candidate), line.number);
                        }
                        if (!clientList && clientKeys.containsKey(candidate)) {
                            clientsFound.putIfAbsent(clientKeys.get(candidate), line.number);
                        }
                    }
                }
            }
            servicesFound.forEach((key, line) -> services.add(new Mention(key, line)));
            clientsFound.forEach((key, line) -> clients.add(new Mention(key, line)));
            services.sort(Comparator.comparingInt(Mention::line).thenComparing(Mention::key));
            clients.sort(Comparator.comparingInt(Mention::line).thenComparing(Mention::key));
        }

        Map<String, String> normalizedKeys(List<Catalog.Entry> entries) {
            Map<String, String> keys = new LinkedHashMap<>();
            for (Catalog.Entry entry : entries) {
                keys.putIfAbsent(normalized(entry.key()), entry.key());
                if (entry.name() != null && !entry.name().isBlank()) {
                    keys.putIfAbsent(normalized(entry.name()), entry.key());
                }
            }
            keys.remove("");
            return keys;
        }

        /** The prose of a section (paragraphs joined), or of the fallback section when it has none. */
        String prose(Section section, Section fallback) {
            String text = paragraphs(section).stream().collect(Collectors.joining("\n\n"));
            if (text.isEmpty() && fallback != null) {
                text = paragraphs(fallback).stream().collect(Collectors.joining("\n\n"));
            }
            return text.isEmpty() ? null : text;
        }

        List<String> paragraphs(Section section) {
            List<String> paragraphs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (Line line : lines) {
                boolean inside = line.section == section && line.prose() && line != titleLine;
                if (!inside) {
                    if (current.length() > 0 && (line.blank || line.section != section || line.heading
                            || line.entry != null || line.tableish)) {
                        paragraphs.add(current.toString());
                        current.setLength(0);
                    }
                    continue;
                }
                if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(LIST_MARKER.matcher(line.clean).replaceFirst("").strip());
            }
            if (current.length() > 0) {
                paragraphs.add(current.toString());
            }
            return paragraphs;
        }

        /** Preventive actions: one a bullet, or one a paragraph where the section has no bullets. */
        List<String> actions() {
            List<String> bullets = new ArrayList<>();
            boolean anyBullet = false;
            for (Line line : lines) {
                if (line.section != Section.PREVENTIVE || line.code || line.blank || line.heading || line.clean == null) {
                    continue;
                }
                String raw = line.raw.replace('\u00a0', ' ');
                if (line.tableish) {
                    List<String> cells = cells(raw);
                    String first = cells.isEmpty() ? "" : clean(cells.get(0));
                    if (!first.isEmpty() && !first.matches("(?i)(action|item|what|task|#|no\\.?)s?")) {
                        bullets.add(first);
                        anyBullet = true;
                    }
                    continue;
                }
                if (LIST_MARKER.matcher(raw).find()) {
                    bullets.add(LIST_MARKER.matcher(line.clean).replaceFirst("").strip());
                    anyBullet = true;
                } else if (anyBullet && Character.isWhitespace(raw.charAt(0)) && !bullets.isEmpty()) {
                    bullets.set(bullets.size() - 1, bullets.get(bullets.size() - 1) + " " + line.clean);
                }
            }
            List<String> actions = anyBullet ? bullets : paragraphs(Section.PREVENTIVE);
            if (actions.size() > MAX_ACTIONS) {
                warn(Code.TRUNCATED, "The document lists " + actions.size() + " preventive actions; only the first "
                        + MAX_ACTIONS + " were kept.", null);
                actions = actions.subList(0, MAX_ACTIONS);
            }
            return actions.stream().filter(a -> !a.isBlank()).map(a -> cut(a, ENTRY_TEXT_MAX, "a preventive action", null))
                    .toList();
        }

        // --- helpers ---------------------------------------------------------------------------------------

        void warn(Code code, String message, Integer line) {
            warnings.add(new Warning(code, message, line));
        }

        void warnRepeated(Code code, String message, Integer line) {
            int count = repeated.merge(code, 1, Integer::sum);
            if (count <= MAX_REPEATED_WARNINGS) {
                warn(code, message, line);
            } else if (count == MAX_REPEATED_WARNINGS + 1) {
                warn(code, "More warnings like the ones above were left out.", null);
            }
        }

        String cut(String value, int max, String what, Integer line) {
            if (value == null || value.length() <= max) {
                return value;
            }
            warn(Code.TRUNCATED, "The text of " + what + " was cut to " + max + " characters.", line);
            return value.substring(0, max);
        }

        String local(Instant instant, ZoneId zone) {
            return instant.atZone(zone).toLocalTime().toString();
        }
    }

    // --- text helpers ------------------------------------------------------------------------------------

    /** A line without Markdown decoration: quotes, emphasis, code marks, links (their text kept), HTML breaks. */
    static String clean(String line) {
        String s = line.strip();
        while (s.startsWith(">")) {
            s = s.substring(1).strip();
        }
        if (s.indexOf('[') >= 0) {
            s = LINK.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('*') >= 0 || s.indexOf('_') >= 0 || s.indexOf('`') >= 0 || s.indexOf('<') >= 0
                || s.indexOf('~') >= 0) {
            s = EMPHASIS.matcher(s).replaceAll("");
        }
        return s.strip();
    }

    /** The cells of a table row (pipe or tab separated); a line that is not a row is one cell. */
    static List<String> cells(String raw) {
        String s = raw.strip();
        List<String> cells = new ArrayList<>();
        if (s.indexOf('|') >= 0 && (s.startsWith("|") || s.indexOf('|') > 0)) {
            if (s.startsWith("|")) {
                s = s.substring(1);
            }
            if (s.endsWith("|")) {
                s = s.substring(0, s.length() - 1);
            }
            for (String cell : s.split("\\|", -1)) {
                cells.add(cell.strip());
            }
        } else if (s.indexOf('\t') >= 0) {
            for (String cell : s.split("\t+")) {
                cells.add(cell.strip());
            }
        } else {
            cells.add(s);
        }
        cells.removeIf(String::isEmpty);
        return cells;
    }

    private static final Set<String> WHEN_WORDS = Set.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "noo", "mid");

    /** A cheap test before the patterns: a time or date starts with a digit, a month, a weekday, noon or midnight. */
    static boolean mayStartWhen(String text) {
        char c = text.charAt(0);
        if (c >= '0' && c <= '9') {
            return true;
        }
        return Character.isLetter(c) && text.length() >= 3
                && WHEN_WORDS.contains(text.substring(0, 3).toLowerCase(Locale.ROOT));
    }

    /** The section a heading names, or null. */
    static Section sectionOf(String heading) {
        String name = PARENTHETICAL.matcher(heading).replaceAll(" ").toLowerCase(Locale.ROOT)
                .replaceAll("^[\\d.)\\s]+", "").replaceAll("[^a-z;'&\\- ]", " ").replaceAll("\\s+", " ").strip();
        if (name.isEmpty() || name.length() > 60) {
            return null;
        }
        for (Map.Entry<Section, Pattern> section : SECTION_NAMES.entrySet()) {
            if (section.getValue().matcher(name).matches()) {
                return section.getKey();
            }
        }
        return null;
    }

    /** The date a line holds and nothing else ("**17 January 2024**", "Day 2: 2024-01-17"), or null. */
    static WrittenDate dateOnly(String clean) {
        String s = LIST_MARKER.matcher(clean).replaceFirst("").replaceFirst("(?i)^(day \\d+|date)\\s*[:\\-–—]?\\s*", "")
                .strip();
        if (s.isEmpty() || !(Character.isLetterOrDigit(s.charAt(0)))) {
            return null;
        }
        WrittenDate date = WrittenWhen.dateAt(s, 0);
        if (date == null) {
            return null;
        }
        String rest = s.substring(date.end()).replaceAll("[\\s:.,\\-–—)(]", "");
        return rest.isEmpty() ? date : null;
    }

    static String normalized(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /** A duration needs a number and a unit of hours or minutes. */
    static boolean mayStateDuration(String words) {
        String lower = words.toLowerCase(Locale.ROOT);
        return lower.contains("hour") || lower.contains("min") || lower.contains("hr") || SHORT_UNIT.matcher(lower).find();
    }

    static Duration duration(Matcher m) {
        String n = m.group("n") != null ? m.group("n") : m.group("n3");
        String unit = (m.group("u") != null ? m.group("u") : m.group("u3")).toLowerCase(Locale.ROOT);
        BigDecimal amount = switch (n.toLowerCase(Locale.ROOT)) {
            case "a", "an", "one" -> BigDecimal.ONE;
            case "two" -> BigDecimal.valueOf(2);
            case "three" -> BigDecimal.valueOf(3);
            case "four" -> BigDecimal.valueOf(4);
            case "five" -> BigDecimal.valueOf(5);
            case "six" -> BigDecimal.valueOf(6);
            case "seven" -> BigDecimal.valueOf(7);
            case "eight" -> BigDecimal.valueOf(8);
            case "nine" -> BigDecimal.valueOf(9);
            case "ten" -> BigDecimal.TEN;
            case "fifteen" -> BigDecimal.valueOf(15);
            case "twenty" -> BigDecimal.valueOf(20);
            case "thirty" -> BigDecimal.valueOf(30);
            case "forty-five" -> BigDecimal.valueOf(45);
            case "ninety" -> BigDecimal.valueOf(90);
            default -> new BigDecimal(n);
        };
        long seconds = amount.multiply(BigDecimal.valueOf(unit.startsWith("h") ? 3600 : 60)).longValue();
        String extra = m.group("n2");
        if (extra != null) {
            seconds += Long.parseLong(extra) * 60;
        }
        return Duration.ofSeconds(Math.min(seconds, Duration.ofDays(366).toSeconds()));
    }

    static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 60 ? minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min")
                : minutes + " min";
    }

    static String clauseAround(String text, int index) {
        int from = 0;
        int to = text.length();
        Matcher m = CLAUSE_SPLIT.matcher(text);
        while (m.find()) {
            if (m.start() < index) {
                from = m.end();
            } else {
                to = m.start();
                break;
            }
        }
        return text.substring(from, to);
    }

    static String snippet(String value) {
        String s = value.strip();
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    static Set<EventMeaning> meaningsOf(String text) {
        return text == null ? EnumSet.noneOf(EventMeaning.class) : EventMeaning.of(text);
    }
}
