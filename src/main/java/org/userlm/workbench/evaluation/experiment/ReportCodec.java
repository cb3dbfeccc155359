package org.userlm.workbench.evaluation.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The whole {@link ExperimentReport} as JSON and back (the cached report; NaN is written as "NaN"). */
public final class ReportCodec {
    /** Bump when the report's content or shape changes: older cached reports are then recomputed. */
    public static final String VERSION = "report-v1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ReportCodec() {
    }

    public static String write(ExperimentReport r) {
        try {
            return JSON.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the report", e);
        }
    }

    /** The report, or null when the JSON is not a report of this version's shape. */
    public static ExperimentReport read(String json) {
        try {
            return JSON.readValue(json, ExperimentReport.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
