package org.ruralstat.job;

import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application is bound to no folder: one started application runs the job on one drop folder and warehouse,
 * then on another, and each warehouse holds its own drop's files only, its receipts beside its own drop folder.
 */
class SharedApplicationFunctionalTests {

    @TempDir
    Path temp;

    @Test
    void oneApplicationRunsTheJobOnTwoDropsEachIntoItsOwnWarehouse() throws Exception {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        ReturnFixtures.csv(first.resolve("input/222424"), "2022年收入.csv", StandardCharsets.UTF_8,
                "村名,村集体经济收入（万元）", "汪清村委会,10");
        ReturnFixtures.csv(second.resolve("input/222426"), "2022年收入.csv", StandardCharsets.UTF_8,
                "地区,村集体经济收入（万元）", "安图县,300");

        assertThat(TempDrop.run(first)).isZero();
        assertThat(TempDrop.run(second)).isZero();
        // a second night on the first drop: the same application, its own ledger
        ReturnFixtures.csv(first.resolve("input/222424"), "2023年收入.csv", StandardCharsets.UTF_8,
                "村名,村集体经济收入（万元）", "汪清村委会,11");
        assertThat(TempDrop.run(first)).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(first)) {
            assertThat(warehouse.strings("select submitter_code || ':' || file_name || ':' || status from etl_submission "
                    + "order by submission_id")).containsExactly("222424:2022年收入.csv:loaded", "222424:2023年收入.csv:loaded");
            assertThat(warehouse.count("select count(distinct run_id) from etl_run_file")).isEqualTo(2);
        }
        try (WarehouseQueries warehouse = TempDrop.published(second)) {
            assertThat(warehouse.strings("select submitter_code || ':' || status from etl_submission"))
                    .containsExactly("222426:loaded");
            assertThat(warehouse.strings("select region_code from fact_income")).containsExactly("222426");
        }
        assertThat(first.resolve("receipts/222424")).isDirectory();
        assertThat(first.resolve("receipts/222426")).doesNotExist();
        assertThat(second.resolve("receipts/222426")).isDirectory();
        // each warehouse has its own cadre key file, and none is held open once its run has ended
        assertThat(Files.readAllBytes(CadreKeySecret.location(first.resolve("warehouse"))))
                .isNotEqualTo(Files.readAllBytes(CadreKeySecret.location(second.resolve("warehouse"))));
        for (Path drop : new Path[]{first, second}) {
            try (var connection = (DuckDBConnection) DriverManager.getConnection(
                    "jdbc:duckdb:" + drop.resolve("warehouse/ruralstat.duckdb"))) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void aProcessRunsOneRunAtATime() throws Exception {
        Workspaces workspaces = SharedApplication.context().getBean(Workspaces.class);
        RuralstatProperties properties = SharedApplication.context().getBean(RuralstatProperties.class);
        Workspace open = workspaces.open(RunFolders.of(properties, temp.resolve("a/input"), temp.resolve("a/warehouse")));
        try {
            assertThat(workspaces.current()).isSameAs(open);
            assertThat(open.folders().receipts()).isEqualTo(temp.resolve("a/receipts").toAbsolutePath().normalize());
            assertThat(open.folders().exchange()).isEqualTo(temp.resolve("a/warehouse/exchange").toAbsolutePath().normalize());
            assertThatThrownBy(() -> workspaces.open(RunFolders.of(properties, temp.resolve("b/input"), temp.resolve("b/warehouse"))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("one run at a time");
            assertThat(temp.resolve("b/warehouse")).doesNotExist();
            // a run asked for meanwhile fails, and leaves the open run's workspace alone
            Files.createDirectories(temp.resolve("c/input"));
            assertThat(SharedApplication.run(temp.resolve("c/input"), temp.resolve("c/warehouse"))).isEqualTo(ExitCodes.FAILED);
            assertThat(workspaces.current()).isSameAs(open);
        } finally {
            workspaces.close(open);
        }
        assertThat(workspaces.ifOpen()).isEmpty();
        assertThatThrownBy(workspaces::current).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRunThatFailsLeavesTheApplicationReadyForTheNextDrop() throws Exception {
        Path broken = temp.resolve("broken");
        Files.createDirectories(broken.resolve("input/222424"));
        // the warehouse folder is a file: the run cannot open it
        Files.writeString(broken.resolve("warehouse"), "not a folder");
        assertThat(TempDrop.run(broken)).isEqualTo(ExitCodes.FAILED);

        Path next = temp.resolve("next");
        ReturnFixtures.csv(next.resolve("input/222424"), "2022年收入.csv", StandardCharsets.UTF_8,
                "村名,村集体经济收入（万元）", "汪清村委会,10");
        assertThat(TempDrop.run(next)).isZero();
        try (WarehouseQueries warehouse = TempDrop.published(next)) {
            assertThat(warehouse.strings("select status from etl_submission")).containsExactly("loaded");
        }
    }
}
