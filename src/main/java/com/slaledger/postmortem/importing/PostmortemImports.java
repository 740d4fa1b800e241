package com.slaledger.postmortem.importing;

import com.slaledger.client.ClientService;
import com.slaledger.incident.IncidentRequest;
import com.slaledger.incident.IncidentRequest.TimelineEntryRequest;
import com.slaledger.incident.IncidentService;
import com.slaledger.incident.IncidentService.Saved;
import com.slaledger.incident.Severity;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.postmortem.Catalog;
import com.slaledger.postmortem.Mention;
import com.slaledger.postmortem.ParseResult;
import com.slaledger.postmortem.PostmortemDraft;
import com.slaledger.postmortem.PostmortemParser;
import com.slaledger.service.ServiceCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Reads postmortems against the catalog of known services and clients, and saves confirmed drafts.
 * Every import is saved here and only here, through {@link IncidentService#create}: the incident's
 * {@code (source, externalId)} makes a repeated import of the same document answer with the incident
 * it made, and an import with other content under the same key a 409.
 */
@ApplicationScoped
public class PostmortemImports {

    /** The source of imported incidents unless the caller names another. */
    public static final String SOURCE = "postmortem";

    private final IncidentService incidents;
    private final ServiceCatalog services;
    private final ClientService clients;

    public PostmortemImports(IncidentService incidents, ServiceCatalog services, ClientService clients) {
        this.incidents = incidents;
        this.services = services;
        this.clients = clients;
    }

    /** A draft read from a document, with the key it will be saved under. */
    public record Reading(String text, PostmortemDraft draft, String source, String externalId) {
    }

    /**
     * Reads a document (already checked by {@link PostmortemText}). A text without a timeline, or with
     * times but no date, is refused with a 422 problem naming {@code field}; nothing is drafted.
     */
    public Reading read(String text, ZoneId defaultZone, LocalDate date, String source, String externalId,
            String field) {
        ParseResult result = PostmortemParser.parse(text, new PostmortemParser.Options(defaultZone, date), catalog());
        if (!result.found()) {
            throw new ProblemException(422, "No incident in the document", result.refusal().message(),
                    List.of(new FieldViolation(field, switch (result.refusal().reason()) {
                        case EMPTY -> "is empty";
                        case NO_TIMELINE -> "has no timeline: no line starts with a time of day";
                        case NO_DATE -> "gives times but no date; give the date";
                    })));
        }
        String key = externalId == null || externalId.isBlank() ? PostmortemText.externalId(text) : externalId.strip();
        return new Reading(text, result.draft(), source == null || source.isBlank() ? SOURCE : source.strip(), key);
    }

    /**
     * The incident a draft describes, as the incident API takes it: severity stays null when not stated,
     * impact is 100 % when not stated (SPEC's default).
     */
    public static IncidentRequest request(Reading reading) {
        PostmortemDraft d = reading.draft();
        return new IncidentRequest(reading.source(), reading.externalId(), d.title(),
                d.severity() == null ? null : Severity.valueOf(d.severity()),
                d.affectedServices().stream().map(Mention::key).toList(),
                d.affectedClients().stream().map(Mention::key).toList(),
                // the SPEC's default, written out: a retry of a request without it is compared against 100
                d.impactPercent() == null ? IncidentRequest.FULL_IMPACT : d.impactPercent(), false, null, d.summary(), d.rootCause(), d.preventiveActions(),
                d.timeline().stream().map(e -> new TimelineEntryRequest(e.at(), e.text())).toList(),
                d.startedAt().at(), at(d.detectedAt()), at(d.acknowledgedAt()), at(d.mitigatedAt()),
                at(d.resolvedAt()));
    }

    /** Saves a confirmed (possibly edited) draft: 201-like CREATED the first time, UNCHANGED on a repeat. */
    public Saved save(IncidentRequest request) {
        return incidents.create(request);
    }

    /** What the incident service would refuse in this request, saving nothing (for the page's messages). */
    public List<FieldViolation> check(IncidentRequest request) {
        return incidents.check(request);
    }

    /** The services and clients the parser may recognise, by key and name. */
    public Catalog catalog() {
        return new Catalog(
                services.list().stream().map(s -> new Catalog.Entry(s.key(), s.name())).toList(),
                clients.list(null).stream().map(c -> new Catalog.Entry(c.key(), c.name())).toList());
    }

    private static java.time.Instant at(com.slaledger.postmortem.DerivedInstant instant) {
        return instant == null ? null : instant.at();
    }
}
