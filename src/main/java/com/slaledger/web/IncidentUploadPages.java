package com.slaledger.web;

import com.slaledger.incident.IncidentCsv;
import com.slaledger.incident.IncidentCsvImport;
import com.slaledger.incident.IncidentCsvImport.ImportResult;
import com.slaledger.platform.ProblemException;
import com.slaledger.platform.ProblemMappers;
import com.slaledger.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The CSV upload page: choose a file, see a preview (the first rows as they will be stored, every error
 * by line and column), then import it, all or nothing. The file waits between preview and import in
 * {@link UploadStaging}; both steps are CSRF-protected form posts.
 */
@Path("/incidents/upload")
@RolesAllowed({Role.SRE, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class IncidentUploadPages {

    private final IncidentCsvImport csv;
    private final UploadStaging staging;
    private final SecurityIdentity identity;

    public IncidentUploadPages(IncidentCsvImport csv, UploadStaging staging, SecurityIdentity identity) {
        this.csv = csv;
        this.staging = staging;
        this.identity = identity;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(UploadPage page);
    }

    /**
     * What the page shows: the columns it reads, and after an upload the file's name, the preview or the
     * import's result, or the reason the file was refused.
     */
    public record UploadPage(List<String> columns, int maxRows, String fileName, String upload, ImportResult result,
            String problem, boolean imported) {

        public boolean previewed() {
            return result != null && !imported;
        }
    }

    @GET
    public TemplateInstance form() {
        return Templates.upload(page(null, null, null, null, false));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response preview(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isBlank()) {
            return refused(400, null, "Choose a CSV file to upload.");
        }
        String name = shortName(file.fileName());
        if (file.size() > csv.maxBodyBytes()) {
            return refused(413, name, "The file is larger than the " + csv.maxBodyBytes() + " bytes accepted.");
        }
        ImportResult result;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            result = csv.importCsv(in, true);
        } catch (ProblemException e) {
            return refused(e.status(), name, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String upload = result.valid() ? staging.stage(file.uploadedFile(), owner()) : null;
        return Response.status(result.valid() ? 200 : 400).entity(Templates.upload(page(name, upload, result, null,
                false))).build();
    }

    @POST
    @Path("/{upload}/import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response importStaged(@PathParam("upload") String upload, @RestForm("fileName") String fileName) {
        String name = fileName == null ? null : shortName(fileName);
        Optional<java.nio.file.Path> file = staging.find(upload, owner());
        if (file.isEmpty()) {
            return refused(404, name, "This upload is no longer waiting (imported already, or older than an hour)."
                    + " Upload the file again.");
        }
        ImportResult result;
        try (InputStream in = Files.newInputStream(file.get())) {
            result = csv.importCsv(in, false);
        } catch (ProblemException e) {
            // the data changed since the preview (a service was removed, say): show why, keep nothing; but a
            // busy service (503) keeps the upload and offers to try again
            if (e.status() == 503) {
                return Response.status(503).header("Retry-After", String.valueOf(ProblemMappers.RETRY_AFTER_SECONDS))
                        .entity(Templates.upload(page(name, upload, null, e.getMessage(), false))).build();
            }
            staging.discard(upload);
            return refused(e.status(), name, e.getMessage() + (e.violations().isEmpty() ? ""
                    : ": " + e.violations().get(0).field() + " " + e.violations().get(0).message()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        staging.discard(upload);
        return Response.ok(Templates.upload(page(name, null, result, null, true))).build();
    }

    private Response refused(int status, String fileName, String problem) {
        Response.ResponseBuilder response = Response.status(status)
                .entity(Templates.upload(page(fileName, null, null, problem, false)));
        if (status == 503) {
            response.header("Retry-After", String.valueOf(ProblemMappers.RETRY_AFTER_SECONDS));
        }
        return response.build();
    }

    private static UploadPage page(String fileName, String upload, ImportResult result, String problem,
            boolean imported) {
        return new UploadPage(IncidentCsv.COLUMNS, IncidentCsvImport.MAX_ROWS, fileName, upload, result, problem,
                imported);
    }

    private String owner() {
        return identity.getPrincipal().getName();
    }

    /** The file's own name, without folders, at most 100 characters: it is shown back on the page. */
    private static String shortName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return base.length() > 100 ? base.substring(0, 100) + "…" : base;
    }
}
