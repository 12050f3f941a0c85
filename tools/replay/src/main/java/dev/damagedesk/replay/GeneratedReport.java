package dev.damagedesk.replay;

import dev.damagedesk.domain.report.Report;

import java.util.Objects;

/**
 * One report of a generated population, as the processor would receive it, with what the generator knows
 * about it and the domain must find out for itself.
 *
 * @param report         in {@code RECEIVED}
 * @param window         how its period relates to the service's outage
 * @param reporter       the person who filed it, numbered from 0 (several reports can share one)
 * @param repeatsService the person already reported this service: a re-submission the duplicate check should
 *                       catch (it cannot when the person used another address and gave no phone)
 */
public record GeneratedReport(Report report, WindowKind window, int reporter, boolean repeatsService) {

    public GeneratedReport {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(window, "window");
    }
}
