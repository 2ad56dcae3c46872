package io.github.flinkdatahub.emulator.server;

/**
 * A routed request: the operation and the path parameters it addresses. Parameters a route does
 * not have are null; {@code unsupportedFeature} names what the emulator does not implement when
 * {@code operation} is {@link Operation#Unsupported}.
 */
public record Route(
        Operation operation,
        String project,
        String topic,
        String shardId,
        String subId,
        String unsupportedFeature) {

    static Route of(Operation operation, String project, String topic, String shard, String sub) {
        return new Route(operation, project, topic, shard, sub, null);
    }

    static Route unsupported(String feature) {
        return new Route(Operation.Unsupported, null, null, null, null, feature);
    }
}
