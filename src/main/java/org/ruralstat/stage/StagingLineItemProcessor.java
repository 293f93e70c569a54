package org.ruralstat.stage;

import org.ruralstat.read.SourceRow;
import org.ruralstat.validate.RowValidationItemProcessor;
import org.ruralstat.warehouse.Warehouse;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Validates a source row and renders what it stages as staging-file lines, both on the validation pool, so the
 * file's own thread (which reads every row and writes every line, in order) only copies bytes. Stateless, so the
 * files staged at the same time share it.
 */
public class StagingLineItemProcessor implements ItemProcessor<SourceRow, StagingLines> {

    private final RowValidationItemProcessor validator;
    private final Warehouse warehouse;

    public StagingLineItemProcessor(RowValidationItemProcessor validator, Warehouse warehouse) {
        this.validator = validator;
        this.warehouse = warehouse;
    }

    @Override
    public StagingLines process(SourceRow item) throws Exception {
        return StagingLines.of(validator.process(item), warehouse);
    }
}
