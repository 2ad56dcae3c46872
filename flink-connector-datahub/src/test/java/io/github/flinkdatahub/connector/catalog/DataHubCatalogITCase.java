/*
 * Copyright 2026 The flink-connector-datahub Authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.flinkdatahub.connector.catalog;

import io.github.flinkdatahub.connector.client.DataHubClient;
import io.github.flinkdatahub.connector.client.DataHubClientConfig;
import io.github.flinkdatahub.connector.table.DataHubDynamicTableFactory;
import io.github.flinkdatahub.connector.table.DataHubDynamicTableSource;
import io.github.flinkdatahub.emulator.DataHubEmulatorExtension;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.TableChange;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.catalog.exceptions.DatabaseAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotEmptyException;
import org.apache.flink.table.catalog.exceptions.TableAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.expressions.utils.ResolvedExpressionMock;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.factories.utils.FactoryMocks;
import org.apache.flink.table.runtime.connector.source.ScanRuntimeProviderContext;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DataHub catalog against the emulator, with signature checking on. */
class DataHubCatalogITCase {

    private static final String ACCESS_ID = "catalog-id";
    private static final String SECRET = "catalog-s3cr3t-never-shown";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @RegisterExtension
    static final DataHubEmulatorExtension EMULATOR =
            new DataHubEmulatorExtension(b -> b.credentials(ACCESS_ID, SECRET));

    private String home;
    private Catalog catalog;

    private static Catalog createCatalog(String defaultDatabase, String secret) {
        Map<String, String> options = new HashMap<>();
        options.put("type", "datahub");
        options.put("endpoint", EMULATOR.endpoint());
        options.put("default-database", defaultDatabase);
        options.put("access-key-id", ACCESS_ID);
        options.put("access-key-secret", secret);
        options.put("retry.timeout", "0 s");
        return FactoryUtil.createCatalog(
                "dh", options, new Configuration(), DataHubCatalogITCase.class.getClassLoader());
    }

    @BeforeEach
    void open() throws Exception {
        home = "cat_" + COUNTER.incrementAndGet();
        try (DataHubClient client =
                DataHubClient.create(
                        DataHubClientConfig.builder()
                                .endpoint(EMULATOR.endpoint())
                                .credentials(ACCESS_ID, SECRET)
                                .build())) {
            client.createProject(home, "home");
        }
        catalog = createCatalog(home, SECRET);
        assertThat(catalog).isInstanceOf(DataHubCatalog.class);
        catalog.open();
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private static ResolvedCatalogTable table(
            ResolvedSchema schema, String comment, Map<String, String> options) {
        return new ResolvedCatalogTable(
                CatalogTable.newBuilder()
                        .schema(Schema.newBuilder().fromResolvedSchema(schema).build())
                        .comment(comment)
                        .options(options)
                        .build(),
                schema);
    }

    private static final ResolvedSchema ORDERS =
            ResolvedSchema.of(
                    Column.physical("id", DataTypes.BIGINT().notNull()).withComment("the id"),
                    Column.physical("f_tinyint", DataTypes.TINYINT()),
                    Column.physical("f_smallint", DataTypes.SMALLINT()),
                    Column.physical("f_int", DataTypes.INT()),
                    Column.physical("f_float", DataTypes.FLOAT()),
                    Column.physical("f_double", DataTypes.DOUBLE()),
                    Column.physical("amount", DataTypes.DECIMAL(10, 2)),
                    Column.physical("f_bool", DataTypes.BOOLEAN()),
                    Column.physical("name", DataTypes.VARCHAR(20)),
                    Column.physical("ts", DataTypes.TIMESTAMP(3)));

    /** Fails with the exception type and text; no message of the chain has the secret. */
    private static void assertFails(ThrowingCallable call, Class<?> type, String text) {
        assertThatThrownBy(call)
                .isInstanceOf(type)
                .satisfies(
                        e -> {
                            List<String> messages = new ArrayList<>();
                            for (Throwable t = e; t != null; t = t.getCause()) {
                                messages.add(String.valueOf(t.getMessage()));
                            }
                            assertThat(String.join("\n", messages))
                                    .contains(text)
                                    .doesNotContain(SECRET);
                        });
    }

    @Test
    void databasesAreProjects() throws Exception {
        assertThat(catalog.listDatabases()).contains(home);
        assertThat(catalog.getDatabase(home).getComment()).isEqualTo("home");
        String other = home + "_b";
        catalog.createDatabase(other, new ProjectDatabase(Map.of(), "second"), false);
        assertThat(catalog.databaseExists(other)).isTrue();
        assertFails(
                () -> catalog.createDatabase(other, new ProjectDatabase(Map.of(), "x"), false),
                DatabaseAlreadyExistException.class,
                other);
        catalog.alterDatabase(other, new ProjectDatabase(Map.of(), "renamed comment"), false);
        assertThat(catalog.getDatabase(other).getComment()).isEqualTo("renamed comment");
        catalog.createTable(new ObjectPath(other, "t"), table(ORDERS, "c", Map.of()), false);
        assertFails(
                () -> catalog.dropDatabase(other, false, false),
                DatabaseNotEmptyException.class,
                other);
        catalog.dropDatabase(other, false, true);
        assertThat(catalog.databaseExists(other)).isFalse();
        assertThat(catalog.listDatabases()).doesNotContain(other);
        catalog.dropDatabase(other, true, false);
        assertFails(
                () ->
                        catalog.createDatabase(
                                "x", new ProjectDatabase(Map.of("k", "v"), "c"), false),
                CatalogException.class,
                "A DataHub project has no properties");
    }

    @Test
    void createGetListAlterDrop() throws Exception {
        ObjectPath path = new ObjectPath(home, "orders");
        catalog.createTable(
                path,
                table(ORDERS, "all orders", Map.of("shard-count", "2", "lifecycle", "3")),
                false);
        assertThat(catalog.listTables(home)).containsExactly("orders");
        assertThat(catalog.tableExists(path)).isTrue();

        CatalogBaseTable got = catalog.getTable(path);
        assertThat(got.getComment()).isEqualTo("all orders");
        assertThat(got.getOptions())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "connector", "datahub",
                                "endpoint", EMULATOR.endpoint(),
                                "project", home,
                                "topic", "orders",
                                "shard-count", "2",
                                "lifecycle", "3"));
        ResolvedSchema schema = CatalogTables.schemaOf(((DataHubCatalog) catalog).topic(path));
        assertThat(schema.getColumnNames())
                .containsExactly(
                        "id",
                        "f_tinyint",
                        "f_smallint",
                        "f_int",
                        "f_float",
                        "f_double",
                        "amount",
                        "f_bool",
                        "name",
                        "ts",
                        "_shard_id",
                        "_sequence",
                        "_system_time",
                        "_attributes");
        assertThat(schema.getColumnDataTypes().subList(0, 10))
                .containsExactly(
                        DataTypes.BIGINT().notNull(),
                        DataTypes.TINYINT(),
                        DataTypes.SMALLINT(),
                        DataTypes.INT(),
                        DataTypes.FLOAT(),
                        DataTypes.DOUBLE(),
                        DataTypes.DECIMAL(38, 18),
                        DataTypes.BOOLEAN(),
                        DataTypes.STRING(),
                        DataTypes.TIMESTAMP_LTZ(6));
        assertThat(schema.getColumn("id").flatMap(Column::getComment)).contains("the id");
        assertThat(schema.getColumn("_system_time").get())
                .isInstanceOf(Column.MetadataColumn.class);

        // ALTER TABLE ... ADD a nullable column, SET lifecycle, new comment.
        catalog.alterTable(
                path,
                got,
                List.of(
                        TableChange.add(Column.physical("extra", DataTypes.STRING())),
                        TableChange.set("lifecycle", "5"),
                        new TableChange.ModifyTableComment("new comment")),
                false);
        CatalogBaseTable altered = catalog.getTable(path);
        assertThat(altered.getOptions()).containsEntry("lifecycle", "5");
        assertThat(altered.getComment()).isEqualTo("new comment");
        assertThat(CatalogTables.schemaOf(((DataHubCatalog) catalog).topic(path)).getColumnNames())
                .contains("extra");

        // The older alterTable(path, table, ignore) derives the same change from the new table.
        List<Column> columns =
                new ArrayList<>(
                        CatalogTables.schemaOf(((DataHubCatalog) catalog).topic(path))
                                .getColumns());
        columns.add(10 + 1, Column.physical("extra2", DataTypes.INT()));
        catalog.alterTable(
                path,
                table(ResolvedSchema.of(columns), "new comment", altered.getOptions()),
                false);
        assertThat(CatalogTables.schemaOf(((DataHubCatalog) catalog).topic(path)).getColumnNames())
                .contains("extra2");

        catalog.dropTable(path, false);
        assertThat(catalog.tableExists(path)).isFalse();
        assertFails(() -> catalog.dropTable(path, false), TableNotExistException.class, "orders");
        catalog.dropTable(path, true);
        assertFails(() -> catalog.getTable(path), TableNotExistException.class, "orders");
    }

    @Test
    void refusedAlterations() throws Exception {
        ObjectPath path = new ObjectPath(home, "t");
        catalog.createTable(path, table(ORDERS, "c", Map.of()), false);
        CatalogBaseTable t = catalog.getTable(path);
        String allowed = "The DataHub catalog supports ALTER TABLE ... ADD <nullable column>";
        assertFails(
                () ->
                        catalog.alterTable(
                                path,
                                t,
                                List.of(
                                        TableChange.add(
                                                Column.physical("x", DataTypes.INT().notNull()))),
                                false),
                CatalogException.class,
                "column 'x' must be nullable");
        assertFails(
                () -> catalog.alterTable(path, t, List.of(TableChange.dropColumn("name")), false),
                CatalogException.class,
                allowed);
        assertFails(
                () ->
                        catalog.alterTable(
                                path, t, List.of(TableChange.set("shard-count", "4")), false),
                CatalogException.class,
                "option 'shard-count' cannot change");
        assertFails(
                () ->
                        catalog.alterTable(
                                path,
                                t,
                                List.of(
                                        TableChange.add(
                                                Column.physical("x", DataTypes.INT()),
                                                TableChange.ColumnPosition.first())),
                                false),
                CatalogException.class,
                "columns are appended after the last field ('ts')");
        assertFails(
                () ->
                        catalog.alterTable(
                                path,
                                t,
                                List.of(
                                        TableChange.add(Column.physical("ok", DataTypes.INT())),
                                        TableChange.modifyPhysicalColumnType(
                                                Column.physical("name", DataTypes.STRING()),
                                                DataTypes.INT())),
                                false),
                CatalogException.class,
                allowed);
        // Nothing of a refused statement was applied.
        assertThat(CatalogTables.schemaOf(((DataHubCatalog) catalog).topic(path)).getColumnNames())
                .doesNotContain("ok", "x");
        assertFails(
                () -> catalog.renameTable(path, "u", false),
                CatalogException.class,
                "DataHub cannot rename a topic");
    }

    @Test
    void refusedCreates() throws Exception {
        ObjectPath path = new ObjectPath(home, "bad");
        assertFails(
                () ->
                        catalog.createTable(
                                path,
                                table(ORDERS, "c", Map.of("scan.startup.mode", "latest")),
                                false),
                CatalogException.class,
                "Table option 'scan.startup.mode' cannot be stored in a DataHub topic");
        assertFails(
                () ->
                        catalog.createTable(
                                path, table(ORDERS, "c", Map.of("connector", "kafka")), false),
                CatalogException.class,
                "Table option 'connector' = 'kafka' contradicts the DataHub catalog");
        ResolvedSchema computed =
                ResolvedSchema.of(
                        Column.physical("a", DataTypes.INT()),
                        Column.computed(
                                "b", new ResolvedExpressionMock(DataTypes.INT(), () -> "a + 1")));
        assertFails(
                () -> catalog.createTable(path, table(computed, "c", Map.of()), false),
                CatalogException.class,
                "Column 'b'");
        ResolvedSchema array =
                ResolvedSchema.of(Column.physical("tags", DataTypes.ARRAY(DataTypes.STRING())));
        assertFails(
                () -> catalog.createTable(path, table(array, "c", Map.of()), false),
                CatalogException.class,
                "Column 'tags' has type ARRAY<STRING>");
        assertFails(
                () ->
                        catalog.createTable(
                                path, table(ORDERS, "c", Map.of("shard-count", "0")), false),
                CatalogException.class,
                "'shard-count' must be an integer from 1 to 256");
        assertThat(catalog.tableExists(path)).isFalse();
        ObjectPath ok = new ObjectPath(home, "ok");
        catalog.createTable(ok, table(ORDERS, "c", Map.of()), false);
        assertFails(
                () -> catalog.createTable(ok, table(ORDERS, "c", Map.of()), false),
                TableAlreadyExistException.class,
                "ok");
        catalog.createTable(ok, table(ORDERS, "c", Map.of()), true);
        // A table read back from the catalog can be created again (CREATE TABLE ... LIKE).
        ResolvedSchema back = CatalogTables.schemaOf(((DataHubCatalog) catalog).topic(ok));
        catalog.createTable(new ObjectPath(home, "copy"), table(back, "c", Map.of()), false);
        assertThat(catalog.listTables(home)).contains("ok", "copy");
    }

    @Test
    void tablesGetTheirCredentialsFromTheCatalogFactory() throws Exception {
        ObjectPath path = new ObjectPath(home, "orders");
        catalog.createTable(path, table(ORDERS, "c", Map.of()), false);
        CatalogBaseTable got = catalog.getTable(path);
        for (Map.Entry<String, String> option : got.getOptions().entrySet()) {
            assertThat(option.getKey())
                    .doesNotContainIgnoringCase("access")
                    .doesNotContain("token");
            assertThat(option.getValue()).doesNotContain(SECRET).doesNotContain(ACCESS_ID);
        }
        assertThat(catalog.getFactory()).get().isInstanceOf(DataHubDynamicTableFactory.class);
        DynamicTableSourceFactory factory = (DynamicTableSourceFactory) catalog.getFactory().get();
        ResolvedSchema schema = CatalogTables.schemaOf(((DataHubCatalog) catalog).topic(path));
        DataHubDynamicTableSource source =
                (DataHubDynamicTableSource)
                        factory.createDynamicTableSource(
                                FactoryMocks.createTableContext(schema, got.getOptions()));
        assertThat(source.connection().accessKeyId()).isEqualTo(ACCESS_ID);
        assertThat(source.connection().accessKeySecret()).isEqualTo(SECRET);
        // The bound connection signs the planning-time topic check (the emulator refuses unsigned
        // requests), so the runtime provider is built.
        assertThat(source.getScanRuntimeProvider(ScanRuntimeProviderContext.INSTANCE)).isNotNull();
    }

    @Test
    void wrongCredentialsNeverShowTheSecret() {
        Catalog wrong = createCatalog(home, SECRET + "-wrong");
        assertFails(wrong::open, CatalogException.class, "Catalog dh could not");
        wrong.close();
        Catalog missingHome = createCatalog("no_such_project", SECRET);
        assertFails(
                missingHome::open,
                CatalogException.class,
                "the default database (DataHub project) 'no_such_project' does not exist");
    }
}
