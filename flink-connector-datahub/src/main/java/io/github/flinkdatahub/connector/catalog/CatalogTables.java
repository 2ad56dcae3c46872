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

import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.RecordSchema;
import io.github.flinkdatahub.connector.client.RecordType;
import io.github.flinkdatahub.connector.client.TopicInfo;
import io.github.flinkdatahub.connector.table.DataHubConnectorOptions;
import io.github.flinkdatahub.connector.table.DataHubDynamicTableFactory;
import io.github.flinkdatahub.connector.table.DataHubMetadata;
import io.github.flinkdatahub.connector.table.DataHubTypeMapping;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.factories.FactoryUtil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts between DataHub topics and catalog tables.
 *
 * <p>A topic's table has one physical column per field (default type mapping of {@link
 * DataHubTypeMapping}; a BLOB topic has one {@code payload BYTES} column) followed by the readable
 * metadata as VIRTUAL columns named {@code _shard_id}, {@code _sequence}, {@code _system_time} and
 * {@code _attributes}: a leading underscore is not allowed in DataHub field names, so these never
 * clash with a field. Its options are connector, endpoint, project, topic, shard-count and
 * lifecycle: never credentials, which the catalog's bound factory supplies.
 */
final class CatalogTables {

    /** Metadata column name to metadata key, in column order. */
    static final Map<String, DataHubMetadata> METADATA_COLUMNS = new LinkedHashMap<>();

    static {
        METADATA_COLUMNS.put("_shard_id", DataHubMetadata.SHARD_ID);
        METADATA_COLUMNS.put("_sequence", DataHubMetadata.SEQUENCE);
        METADATA_COLUMNS.put("_system_time", DataHubMetadata.SYSTEM_TIME);
        METADATA_COLUMNS.put("_attributes", DataHubMetadata.ATTRIBUTES);
    }

    /** The column of a BLOB topic's payload. */
    static final String BLOB_COLUMN = "payload";

    /** Table options CREATE TABLE may set; endpoint/project/topic only if they agree. */
    private static final Set<String> CREATE_OPTIONS =
            Set.of(
                    FactoryUtil.CONNECTOR.key(),
                    DataHubConnectorOptions.SHARD_COUNT.key(),
                    DataHubConnectorOptions.LIFECYCLE.key(),
                    DataHubConnectorOptions.ENDPOINT.key(),
                    DataHubConnectorOptions.PROJECT.key(),
                    DataHubConnectorOptions.TOPIC.key());

    private CatalogTables() {}

    /** The resolved schema of a topic's table. */
    static ResolvedSchema schemaOf(TopicInfo topic) {
        List<Column> columns = new ArrayList<>();
        if (topic.recordType() == RecordType.BLOB) {
            columns.add(Column.physical(BLOB_COLUMN, DataTypes.BYTES()));
        } else {
            for (Field field : topic.schema().fields()) {
                columns.add(
                        Column.physical(field.name(), DataHubTypeMapping.toDataType(field))
                                .withComment(field.comment()));
            }
        }
        METADATA_COLUMNS.forEach(
                (name, m) -> columns.add(Column.metadata(name, m.dataType(), m.key(), true)));
        return ResolvedSchema.of(columns);
    }

    /** The catalog table of a topic, without credentials. */
    static CatalogTable tableOf(String endpoint, TopicInfo topic) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(FactoryUtil.CONNECTOR.key(), DataHubDynamicTableFactory.IDENTIFIER);
        options.put(DataHubConnectorOptions.ENDPOINT.key(), endpoint);
        options.put(DataHubConnectorOptions.PROJECT.key(), topic.project());
        options.put(DataHubConnectorOptions.TOPIC.key(), topic.name());
        options.put(DataHubConnectorOptions.SHARD_COUNT.key(), String.valueOf(topic.shardCount()));
        options.put(DataHubConnectorOptions.LIFECYCLE.key(), String.valueOf(topic.lifecycleDays()));
        return CatalogTable.newBuilder()
                .schema(Schema.newBuilder().fromResolvedSchema(schemaOf(topic)).build())
                .comment(topic.comment())
                .options(options)
                .build();
    }

    /** What CREATE TABLE asks for. */
    record NewTopic(RecordSchema schema, int shardCount, int lifecycleDays, String comment) {}

    /**
     * Checks a table to be created and derives the topic from it.
     *
     * @throws CatalogException naming what DataHub cannot store
     */
    static NewTopic newTopic(
            String endpoint, String project, String topic, ResolvedCatalogTable table) {
        if (table.isPartitioned()) {
            throw new CatalogException(
                    "DataHub topics are not partitioned; remove PARTITIONED BY from table "
                            + topic
                            + ".");
        }
        Map<String, String> options = table.getOptions();
        for (String key : options.keySet()) {
            if (!CREATE_OPTIONS.contains(key)) {
                throw new CatalogException(
                        String.format(
                                "Table option '%s' cannot be stored in a DataHub topic; CREATE"
                                        + " TABLE in the DataHub catalog accepts 'shard-count' and"
                                        + " 'lifecycle'. Give per-query options with a hint:"
                                        + " SELECT ... FROM t /*+ OPTIONS('%s' = '...') */.",
                                key, key));
            }
        }
        expect(options, FactoryUtil.CONNECTOR, DataHubDynamicTableFactory.IDENTIFIER);
        expect(options, DataHubConnectorOptions.ENDPOINT, endpoint);
        expect(options, DataHubConnectorOptions.PROJECT, project);
        expect(options, DataHubConnectorOptions.TOPIC, topic);
        ResolvedSchema schema = table.getResolvedSchema();
        if (schema.getPrimaryKey().isPresent()) {
            throw new CatalogException(
                    "DataHub topics have no primary key (the sink is insert-only); remove the"
                            + " PRIMARY KEY of table "
                            + topic
                            + ".");
        }
        if (!schema.getWatermarkSpecs().isEmpty()) {
            throw new CatalogException(
                    "A DataHub topic cannot store a WATERMARK; declare it in a temporary table:"
                            + " CREATE TEMPORARY TABLE x (WATERMARK FOR ...) LIKE catalog.db."
                            + topic
                            + ".");
        }
        List<Field> fields = new ArrayList<>();
        for (Column column : schema.getColumns()) {
            if (column instanceof Column.PhysicalColumn) {
                fields.add(fieldOf(column));
            } else if (!isOwnMetadataColumn(column)) {
                throw new CatalogException(
                        String.format(
                                "Column '%s' (%s) cannot be stored in a DataHub topic, which holds"
                                        + " only physical columns; declare it in a temporary"
                                        + " table: CREATE TEMPORARY TABLE x (...) LIKE"
                                        + " catalog.db.%s.",
                                column.getName(), column.asSummaryString(), topic));
            }
        }
        if (fields.isEmpty()) {
            throw new CatalogException("Table " + topic + " needs at least one physical column.");
        }
        int shards = intOption(options, DataHubConnectorOptions.SHARD_COUNT, 1, 256);
        int lifecycle = intOption(options, DataHubConnectorOptions.LIFECYCLE, 1, 7);
        String comment = table.getComment() == null ? "" : table.getComment();
        return new NewTopic(RecordSchema.of(fields), shards, lifecycle, comment);
    }

    /** The DataHub field of a physical column. */
    static Field fieldOf(Column column) {
        try {
            return new Field(
                    column.getName(),
                    DataHubTypeMapping.toFieldType(
                            column.getName(), column.getDataType().getLogicalType()),
                    column.getDataType().getLogicalType().isNullable(),
                    column.getComment().orElse(null));
        } catch (IllegalArgumentException e) {
            throw new CatalogException(e.getMessage(), e);
        } catch (org.apache.flink.table.api.ValidationException e) {
            throw new CatalogException(e.getMessage(), e);
        }
    }

    /** A VIRTUAL metadata column as {@link #schemaOf} derives it (CREATE TABLE ... LIKE). */
    static boolean isOwnMetadataColumn(Column column) {
        return column instanceof Column.MetadataColumn m
                && m.isVirtual()
                && METADATA_COLUMNS.containsKey(m.getName())
                && METADATA_COLUMNS.get(m.getName()).key().equals(m.getMetadataKey().orElse(null));
    }

    static int intOption(
            Map<String, String> options, ConfigOption<Integer> option, int min, int max) {
        String text = options.get(option.key());
        int value;
        try {
            value = text == null ? option.defaultValue() : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            value = Integer.MIN_VALUE;
        }
        if (value < min || value > max) {
            throw new CatalogException(
                    String.format(
                            "Table option '%s' must be an integer from %d to %d but was '%s'.",
                            option.key(), min, max, text));
        }
        return value;
    }

    private static void expect(Map<String, String> options, ConfigOption<?> option, String value) {
        String given = options.get(option.key());
        if (given != null && !given.equals(value)) {
            throw new CatalogException(
                    String.format(
                            "Table option '%s' = '%s' contradicts the DataHub catalog, where it is"
                                    + " '%s'; leave it out.",
                            option.key(), given, value));
        }
    }
}
