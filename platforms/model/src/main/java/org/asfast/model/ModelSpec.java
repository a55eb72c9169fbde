package org.asfast.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one modelled row, looked up from the most specific subject to the most general:
 * machine+os+config, machine+os, os+config, machine, the machine it is like, its instruction-set family,
 * its class (RISC or CISC), its configuration, its operating system and the systems it derives from
 * (e.g. Ultrix 3.1, then 4.3 BSD, for Ultrix 3.1D), and finally {@code all}.
 */
public final class ModelSpec {
    private final ModelRow row;
    private final ModelParameters parameters;
    private final List<String> chain;

    public ModelSpec(ModelRow row, ModelParameters parameters) {
        this.row = row;
        this.parameters = parameters;
        List<String> subjects = new ArrayList<>();
        subjects.add(row.machine() + "+" + row.os() + "+" + row.config());
        subjects.add(row.machine() + "+" + row.os());
        subjects.add(row.os() + "+" + row.config());
        List<String> machine = Machines.chain(row.machine(), parameters);
        subjects.addAll(machine.subList(0, machine.size() - 1)); // the machine, what it is like, its family and class; "all" comes last
        subjects.add("config:" + row.config());
        // A system, then the one it derives from, and so on (Ultrix 3.1D, Ultrix 3.1, 4.3 BSD).
        String os = row.os();
        for (int depth = 0; os != null && depth < 8; depth++) {
            subjects.add("os:" + os);
            Parameter base = parameters.find("os:" + os, "base");
            os = base == null ? null : base.value();
        }
        subjects.add("all");
        chain = List.copyOf(subjects);
    }

    /** The entry of the first subject in {@code subjects} that sets {@code name}, or null. */
    static Parameter first(ModelParameters parameters, List<String> subjects, String name) {
        for (String subject : subjects) {
            Parameter p = parameters.find(subject, name);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    public ModelRow row() {
        return row;
    }

    /** The subjects this row looks its parameters up in, most specific first. */
    List<String> subjects() {
        return chain;
    }

    /** The parameter's entry, from the most specific subject that sets it. */
    public Parameter parameter(String name) {
        Parameter p = first(parameters, chain, name);
        if (p != null) {
            return p;
        }
        throw new IllegalStateException("no model parameter '" + name + "' for " + row.platform() + " (looked in " + chain + ")");
    }

    public double number(String name) {
        return parameter(name).number();
    }

    public String word(String name) {
        return parameter(name).value();
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(word(name));
    }

    /** Every parameter that applies to this row, the most specific entry for each name, in file order. */
    public Map<String, Parameter> applicable() {
        Map<String, Parameter> found = new LinkedHashMap<>();
        for (Parameter p : parameters.all()) {
            if (chain.contains(p.subject()) && !found.containsKey(p.name())) {
                found.put(p.name(), parameter(p.name()));
            }
        }
        return found;
    }
}
