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
import io.github.flinkdatahub.connector.client.DataHubClientFactory;
import io.github.flinkdatahub.connector.client.DataHubException;
import io.github.flinkdatahub.connector.client.ProjectInfo;
import io.github.flinkdatahub.connector.client.ResourceAlreadyExistsException;
import io.github.flinkdatahub.connector.client.ResourceNotFoundException;
import io.github.flinkdatahub.connector.client.TopicInfo;
import io.github.flinkdatahub.connector.table.DataHubDynamicTableFactory;

import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogDatabase;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.TableChange;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.catalog.exceptions.DatabaseAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotEmptyException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotExistException;
import org.apache.flink.table.catalog.exceptions.TableAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.factories.Factory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A catalog over one DataHub endpoint: projects are databases, topics are tables.
 *
 * <pre>{@code
 * CREATE CATALOG dh WITH ('type' = 'datahub', 'endpoint' = '...', 'default-database' = 'shop',
 *                         'access-key-id' = '...', 'access-key-secret' = '...');
 * CREATE TABLE dh.shop.orders (id BIGINT NOT NULL, amount DECIMAL(10, 2))
 *     COMMENT 'orders' WITH ('shard-count' = '4', 'lifecycle' = '3');
 * SELECT * FROM dh.shop.orders;
 * }</pre>
 *
 * <p>Tables carry endpoint, project and topic in their options but never the credentials: {@link
 * #getFactory()} hands the planner a table factory bound to this catalog's connection. Errors carry
 * the service's messages, which never contain credentials.
 */
public class DataHubCatalog extends DataHubCatalogBase {

    private final String endpoint;
    private final Map<String, String> connectionOptions;
    private final DataHubClientFactory clientFactory;
    private DataHubClient client;

    /**
     * @param connectionOptions the connection options (endpoint, credentials, protocol, ...) by
     *     their table-option keys, handed to the bound table factory
     * @param clientFactory creates the catalog's client
     */
    public DataHubCatalog(
            String name,
            String defaultDatabase,
            String endpoint,
            Map<String, String> connectionOptions,
            DataHubClientFactory clientFactory) {
        super(name, defaultDatabase);
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.connectionOptions = Map.copyOf(connectionOptions);
        this.clientFactory = Objects.requireNonNull(clientFactory, "clientFactory");
    }

    @Override
    public void open() throws CatalogException {
        client = clientFactory.create();
        boolean exists;
        try {
            exists = databaseExists(getDefaultDatabase());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (!exists) {
            close();
            throw new CatalogException(
                    String.format(
                            "Catalog %s: the default database (DataHub project) '%s' does not"
                                    + " exist at %s; create it or set 'default-database' to an"
                                    + " existing project.",
                            getName(), getDefaultDatabase(), endpoint));
        }
    }

    @Override
    public void close() throws CatalogException {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Override
    public Optional<Factory> getFactory() {
        return Optional.of(DataHubDynamicTableFactory.withDefaults(connectionOptions));
    }

    private DataHubClient client() {
        if (client == null) {
            throw new CatalogException("Catalog " + getName() + " is not open.");
        }
        return client;
    }

    private CatalogException failure(String what, DataHubException e) {
        return new CatalogException(
                String.format("Catalog %s could not %s: %s", getName(), what, e.getMessage()), e);
    }

    // ------------------------------------------------------------------ databases = projects

    @Override
    public List<String> listDatabases() throws CatalogException {
        try {
            return client().listProjects();
        } catch (DataHubException e) {
            throw failure("list projects", e);
        }
    }

    @Override
    public CatalogDatabase getDatabase(String name) throws DatabaseNotExistException {
        try {
            ProjectInfo project = client().getProject(name);
            return new ProjectDatabase(Map.of(), project.comment());
        } catch (ResourceNotFoundException e) {
            throw new DatabaseNotExistException(getName(), name, e);
        } catch (DataHubException e) {
            throw failure("describe project " + name, e);
        }
    }

    @Override
    public boolean databaseExists(String name) throws CatalogException {
        try {
            getDatabase(name);
            return true;
        } catch (DatabaseNotExistException e) {
            return false;
        }
    }

    @Override
    public void createDatabase(String name, CatalogDatabase database, boolean ignoreIfExists)
            throws DatabaseAlreadyExistException {
        if (database.getProperties() != null && !database.getProperties().isEmpty()) {
            throw new CatalogException(
                    "A DataHub project has no properties; remove WITH (...) from CREATE DATABASE "
                            + name
                            + ".");
        }
        try {
            client().createProject(name, commentOf(database.getComment(), name));
        } catch (ResourceAlreadyExistsException e) {
            if (!ignoreIfExists) {
                throw new DatabaseAlreadyExistException(getName(), name, e);
            }
        } catch (DataHubException e) {
            throw failure("create project " + name, e);
        }
    }

    @Override
    public void dropDatabase(String name, boolean ignoreIfNotExists, boolean cascade)
            throws DatabaseNotExistException, DatabaseNotEmptyException {
        List<String> topics;
        try {
            topics = listTables(name);
        } catch (DatabaseNotExistException e) {
            if (ignoreIfNotExists) {
                return;
            }
            throw e;
        }
        if (!topics.isEmpty() && !cascade) {
            throw new DatabaseNotEmptyException(getName(), name);
        }
        try {
            for (String topic : topics) {
                client().deleteTopic(name, topic);
            }
            client().deleteProject(name);
        } catch (ResourceNotFoundException e) {
            if (!ignoreIfNotExists) {
                throw new DatabaseNotExistException(getName(), name, e);
            }
        } catch (DataHubException e) {
            throw failure("drop project " + name, e);
        }
    }

    @Override
    public void alterDatabase(String name, CatalogDatabase newDatabase, boolean ignoreIfNotExists)
            throws DatabaseNotExistException {
        try {
            client().updateProject(name, commentOf(newDatabase.getComment(), name));
        } catch (ResourceNotFoundException e) {
            if (!ignoreIfNotExists) {
                throw new DatabaseNotExistException(getName(), name, e);
            }
        } catch (DataHubException e) {
            throw failure("alter project " + name, e);
        }
    }

    private static String commentOf(String comment, String name) {
        // DataHub requires a comment; an empty one is refused by the service.
        return comment == null || comment.isBlank() ? name : comment;
    }

    // ------------------------------------------------------------------ tables = topics

    @Override
    public List<String> listTables(String database) throws DatabaseNotExistException {
        try {
            return client().listTopics(database);
        } catch (ResourceNotFoundException e) {
            throw new DatabaseNotExistException(getName(), database, e);
        } catch (DataHubException e) {
            throw failure("list topics of " + database, e);
        }
    }

    @Override
    public List<String> listViews(String database) throws DatabaseNotExistException {
        if (!databaseExists(database)) {
            throw new DatabaseNotExistException(getName(), database);
        }
        return List.of();
    }

    /** The topic, or a TableNotExistException. */
    @Override
    TopicInfo topic(ObjectPath path) throws TableNotExistException {
        try {
            return client().getTopic(path.getDatabaseName(), path.getObjectName());
        } catch (ResourceNotFoundException e) {
            throw new TableNotExistException(getName(), path, e);
        } catch (DataHubException e) {
            throw failure("describe topic " + path.getFullName(), e);
        }
    }

    @Override
    public CatalogBaseTable getTable(ObjectPath path) throws TableNotExistException {
        return CatalogTables.tableOf(endpoint, topic(path));
    }

    @Override
    public boolean tableExists(ObjectPath path) throws CatalogException {
        try {
            topic(path);
            return true;
        } catch (TableNotExistException e) {
            return false;
        }
    }

    @Override
    public void dropTable(ObjectPath path, boolean ignoreIfNotExists)
            throws TableNotExistException {
        try {
            client().deleteTopic(path.getDatabaseName(), path.getObjectName());
        } catch (ResourceNotFoundException e) {
            if (!ignoreIfNotExists) {
                throw new TableNotExistException(getName(), path, e);
            }
        } catch (DataHubException e) {
            throw failure("drop topic " + path.getFullName(), e);
        }
    }

    @Override
    public void renameTable(ObjectPath path, String newName, boolean ignoreIfNotExists) {
        throw new CatalogException(
                "DataHub cannot rename a topic; create a new table and copy the data with"
                        + " INSERT INTO ... SELECT.");
    }

    @Override
    public void createTable(ObjectPath path, CatalogBaseTable table, boolean ignoreIfExists)
            throws TableAlreadyExistException, DatabaseNotExistException {
        if (!(table instanceof ResolvedCatalogTable resolved)) {
            throw new CatalogException(
                    "The DataHub catalog stores tables only (no views); got a "
                            + table.getTableKind()
                            + ".");
        }
        CatalogTables.NewTopic topic =
                CatalogTables.newTopic(
                        endpoint, path.getDatabaseName(), path.getObjectName(), resolved);
        if (!databaseExists(path.getDatabaseName())) {
            throw new DatabaseNotExistException(getName(), path.getDatabaseName());
        }
        try {
            client().createTupleTopic(
                            path.getDatabaseName(),
                            path.getObjectName(),
                            topic.shardCount(),
                            topic.lifecycleDays(),
                            topic.schema(),
                            topic.comment());
        } catch (ResourceAlreadyExistsException e) {
            if (!ignoreIfExists) {
                throw new TableAlreadyExistException(getName(), path, e);
            }
        } catch (DataHubException e) {
            throw failure("create topic " + path.getFullName(), e);
        }
    }

    @Override
    public void alterTable(ObjectPath path, CatalogBaseTable newTable, boolean ignoreIfNotExists)
            throws TableNotExistException {
        TopicInfo topic;
        try {
            topic = topic(path);
        } catch (TableNotExistException e) {
            if (ignoreIfNotExists) {
                return;
            }
            throw e;
        }
        new TopicAlteration(topic).diff(newTable).apply(client(), this::failure);
    }

    @Override
    public void alterTable(
            ObjectPath path,
            CatalogBaseTable newTable,
            List<TableChange> changes,
            boolean ignoreIfNotExists)
            throws TableNotExistException {
        TopicInfo topic;
        try {
            topic = topic(path);
        } catch (TableNotExistException e) {
            if (ignoreIfNotExists) {
                return;
            }
            throw e;
        }
        new TopicAlteration(topic).changes(changes).apply(client(), this::failure);
    }
}
