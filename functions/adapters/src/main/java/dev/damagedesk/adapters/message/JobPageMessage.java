package dev.damagedesk.adapters.message;

import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.application.staff.JobPage;
import java.util.LinkedHashMap;
import java.util.Map;

/** A page of a staff job on the {@code StaffJobQueue}: which job, which page, where it starts. */
public final class JobPageMessage {

    public static final String SCHEMA = "staff-job-page/1";

    private JobPageMessage() {
    }

    public static String toJson(JobPage page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schema", SCHEMA);
        body.put("jobId", page.jobId());
        body.put("page", page.number());
        if (page.cursor() != null) {
            body.put("cursor", page.cursor());
        }
        return Json.write(body);
    }

    /** @throws MessageFormatException when the message is not a job page */
    public static JobPage fromJson(String json) {
        Map<String, Object> body = MessageFields.parse(json, SCHEMA);
        long number = MessageFields.number(body, "page");
        if (number < 1 || number > Integer.MAX_VALUE) {
            throw new MessageFormatException("page out of range: " + number);
        }
        Object cursor = body.get("cursor");
        if (cursor != null && !(cursor instanceof String)) {
            throw new MessageFormatException("cursor is not a string");
        }
        return new JobPage(MessageFields.text(body, "jobId"), (int) number, (String) cursor);
    }
}
