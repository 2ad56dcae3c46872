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

import io.github.flinkdatahub.connector.client.AdminClient;
import io.github.flinkdatahub.connector.client.DataHubException;
import io.github.flinkdatahub.connector.client.Field;
import io.github.flinkdatahub.connector.client.RecordType;
import io.github.flinkdatahub.connector.client.TopicInfo;
import io.github.flinkdatahub.connector.table.DataHubConnectorOptions;

import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedCatalogBaseTable;
import org.apache.flink.table.catalog.TableChange;
import org.apache.flink.table.catalog.exceptions.CatalogException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The changes ALTER TABLE may make to a topic: append nullable fields, change the comment and the
 * lifecycle. Everything else is refused, before anything is changed, with a message saying what is
 * allowed.
 */
final class TopicAlteration {

    private static final String ALLOWED =
            "The DataHub catalog supports ALTER TABLE ... ADD <nullable column> (appended at the"
                    + " end), SET ('lifecycle' = '<days>') and a new COMMENT; ";

    private final TopicInfo topic;
    private final List<Field> appended = new ArrayList<>();
    private Integer lifecycle;
    private String comment;

    TopicAlteration(TopicInfo topic) {
        this.topic = topic;
    }

    /** Reads the changes of an ALTER TABLE statement. */
    TopicAlteration changes(List<TableChange> changes) {
        for (TableChange change : changes) {
            if (change instanceof TableChange.AddColumn add) {
                String last = lastFieldName();
                boolean atEnd =
                        add.getPosition() == null
                                || (add.getPosition() instanceof TableChange.After after
                                        && after.column().equalsIgnoreCase(last));
                if (!atEnd) {
                    throw refuse(
                            "columns are appended after the last field ('"
                                    + last
                                    + "'), not "
                                    + add.getPosition());
                }
                addColumn(add.getColumn());
            } else if (change instanceof TableChange.SetOption set) {
                setOption(set.getKey(), set.getValue());
            } else if (change instanceof TableChange.ModifyTableComment c) {
                comment = c.getComment();
            } else {
                throw refuse("got " + change);
            }
        }
        return this;
    }

    /** Derives the changes from the table as it should be (the older alterTable API). */
    TopicAlteration diff(CatalogBaseTable newTable) {
        if (!(newTable instanceof ResolvedCatalogBaseTable<?> resolved)) {
            throw new CatalogException("Expected a resolved table, got " + newTable);
        }
        List<Column> columns = new ArrayList<>();
        for (Column c : resolved.getResolvedSchema().getColumns()) {
            if (c instanceof Column.PhysicalColumn) {
                columns.add(c);
            } else if (!CatalogTables.isOwnMetadataColumn(c)) {
                throw refuse("column '" + c.getName() + "' is not a physical column");
            }
        }
        List<Field> current = topic.schema() == null ? List.of() : topic.schema().fields();
        if (topic.recordType() == RecordType.BLOB || columns.size() < current.size()) {
            throw refuse("columns cannot be dropped and a BLOB topic has no fields");
        }
        for (int i = 0; i < columns.size(); i++) {
            Field field = CatalogTables.fieldOf(columns.get(i));
            if (i < current.size()) {
                Field old = current.get(i);
                if (!old.name().equals(field.name())
                        || old.type() != field.type()
                        || old.nullable() != field.nullable()) {
                    throw refuse(
                            String.format(
                                    "field '%s' %s cannot become '%s' %s",
                                    old.name(), old.type(), field.name(), field.type()));
                }
            } else {
                addColumn(columns.get(i));
            }
        }
        Map<String, String> options = new HashMap<>(newTable.getOptions());
        CatalogTables.tableOf("", topic)
                .getOptions()
                .forEach(
                        (k, v) -> {
                            if (!k.equals(DataHubConnectorOptions.LIFECYCLE.key())
                                    && !k.equals(DataHubConnectorOptions.ENDPOINT.key())) {
                                String given = options.get(k);
                                if (given != null && !given.equals(v)) {
                                    throw refuse("option '" + k + "' cannot change");
                                }
                            }
                        });
        String days = options.get(DataHubConnectorOptions.LIFECYCLE.key());
        if (days != null) {
            setOption(DataHubConnectorOptions.LIFECYCLE.key(), days);
        }
        if (!Objects.equals(newTable.getComment(), topic.comment())) {
            comment = newTable.getComment();
        }
        return this;
    }

    private String lastFieldName() {
        if (!appended.isEmpty()) {
            return appended.get(appended.size() - 1).name();
        }
        List<Field> fields = topic.schema() == null ? List.of() : topic.schema().fields();
        return fields.isEmpty() ? "" : fields.get(fields.size() - 1).name();
    }

    private void addColumn(Column column) {
        if (!(column instanceof Column.PhysicalColumn)) {
            throw refuse("column '" + column.getName() + "' is not a physical column");
        }
        if (topic.recordType() == RecordType.BLOB) {
            throw refuse("a BLOB topic has no fields to add to");
        }
        Field field = CatalogTables.fieldOf(column);
        if (!field.nullable()) {
            throw refuse(
                    "column '"
                            + column.getName()
                            + "' must be nullable: records written before it have no value");
        }
        appended.add(field);
    }

    private void setOption(String key, String value) {
        if (!key.equals(DataHubConnectorOptions.LIFECYCLE.key())) {
            throw refuse("option '" + key + "' cannot change");
        }
        lifecycle =
                CatalogTables.intOption(
                        Map.of(key, value), DataHubConnectorOptions.LIFECYCLE, 1, 7);
    }

    private CatalogException refuse(String why) {
        return new CatalogException(
                ALLOWED
                        + "refused for topic '"
                        + topic.project()
                        + "."
                        + topic.name()
                        + "': "
                        + why
                        + ".");
    }

    /** Applies the changes: fields first, then comment and lifecycle. */
    void apply(AdminClient admin, BiFunction<String, DataHubException, CatalogException> failure) {
        String what = "alter topic " + topic.project() + "." + topic.name();
        try {
            for (Field field : appended) {
                admin.appendField(topic.project(), topic.name(), field);
            }
            if (lifecycle != null || comment != null) {
                admin.updateTopic(
                        topic.project(),
                        topic.name(),
                        comment != null ? comment : Objects.requireNonNullElse(topic.comment(), ""),
                        lifecycle);
            }
        } catch (DataHubException e) {
            throw failure.apply(what, e);
        }
    }
}
