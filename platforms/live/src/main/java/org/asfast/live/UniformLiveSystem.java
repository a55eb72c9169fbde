package org.asfast.live;

import java.util.Map;
import java.util.function.Supplier;
import org.asfast.nodes.Node;

/** A live system whose every node runs one node class, from 1 to 16 nodes, all with the same parameters. */
public abstract class UniformLiveSystem implements LiveSystem {
    private final String name;
    private final Class<? extends Node> node;
    private final Supplier<Map<String, Double>> parameters;

    protected UniformLiveSystem(String name, Class<? extends Node> node, Supplier<Map<String, Double>> parameters) {
        this.name = name;
        this.node = node;
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int minNodes() {
        return 1;
    }

    @Override
    public int maxNodes() {
        return 16;
    }

    @Override
    public String nodeClass(int address, int nodes) {
        return node.getName();
    }

    @Override
    public Map<String, Double> parameters() {
        return parameters.get();
    }
}
