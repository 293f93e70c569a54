package org.ruralstat.report;

import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Writes the morning report, {@code <warehouse>/reports/<run id>/index.html} and {@code reports/latest/}, after
 * every run, the failed ones included (the operator must learn why). A report that cannot be written is logged
 * and never changes the run's outcome.
 */
public class MorningReportListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(MorningReportListener.class);

    private final Supplier<Warehouse> warehouses;
    private final Map<String, String> subjectNames;

    /** @param warehouses the warehouse of the run that ends, asked for when it ends */
    public MorningReportListener(Supplier<Warehouse> warehouses, SubjectCatalog subjects) {
        this.warehouses = warehouses;
        this.subjectNames = subjects.all().stream()
                .collect(Collectors.toUnmodifiableMap(SubjectDefinition::name, s -> s.nameZh() == null ? s.name() : s.nameZh()));
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            Warehouse warehouse = warehouses.get();
            RunOverview run = RunOverview.of(execution);
            LedgerFacts ledger = new LedgerQueries(warehouse).read(run.runId());
            String html = new MorningReportWriter(new FeedbackLinks(warehouse.directory()), subjectNames).render(run, ledger);
            Path page = new ReportFolder(warehouse.directory().resolve("reports")).publish(run.runId(), html);
            log.info("Morning report: {}", page);
        } catch (Exception e) {
            log.warn("Could not write the morning report: {}", e.toString());
        }
    }
}
