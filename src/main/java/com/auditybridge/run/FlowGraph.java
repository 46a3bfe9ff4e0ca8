package com.auditybridge.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A flow as a table: its steps, the first of them, and for each step where each of its {@link Exit}s leads, to
 * another step or to the run's end. Steps only call and judge; this is the one place that says what comes next.
 * Built once, checked when built: every way on names a step of the flow, every step has a way on and is reached,
 * and every exit a step may take leads somewhere whatever the run's input.
 */
public final class FlowGraph {
    private final String first;
    private final Map<String, Step<?>> steps;
    private final Map<String, List<Route>> routes;

    private FlowGraph(String first, Map<String, Step<?>> steps, Map<String, List<Route>> routes) {
        this.first = first;
        this.steps = steps;
        this.routes = routes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where every run of the flow starts. */
    public String first() {
        return first;
    }

    public Set<String> stepNames() {
        return steps.keySet();
    }

    public Step<?> step(String name) {
        Step<?> step = steps.get(name);
        if (step == null) {
            throw new IllegalStateException("the flow has no step " + name + "; its steps are " + steps.keySet());
        }
        return step;
    }

    /**
     * The transition {@code from}'s decision makes once its exit, if it took one, is followed: into the next step,
     * or to the run's end. A decision that took no exit (the step stays, or the run failed) is its own way on.
     */
    public Transition route(String from, Transition decided, RunInput input) {
        if (decided.exit() == null) {
            return decided;
        }
        Route route = routes.getOrDefault(from, List.of()).stream()
                .filter(r -> r.exit() == decided.exit() && r.when().test(input))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "step " + from + " took exit " + decided.exit() + ", which leads nowhere in its flow"));
        return route.to() == null ? decided.end() : decided.enter(route.to());
    }

    /** One way on: on {@code exit}, when the input agrees, to the step {@code to} (null: the run's end). */
    private record Route(Exit exit, Predicate<RunInput> when, String to) {
        boolean always() {
            return when == ALWAYS;
        }
    }

    private static final Predicate<RunInput> ALWAYS = input -> true;

    /** Steps in the order a reader follows them; each step's ways on right after it. */
    public static final class Builder {
        private final Map<String, Step<?>> steps = new LinkedHashMap<>();
        private final Map<String, List<Route>> routes = new LinkedHashMap<>();
        private String current;

        private Builder() {}

        /** A step of the flow; the ways on that follow are its own. The first step named is where runs start. */
        public Builder step(Step<?> step) {
            if (steps.putIfAbsent(step.name(), step) != null) {
                throw new IllegalArgumentException("a flow has one step named " + step.name());
            }
            current = step.name();
            routes.put(current, new ArrayList<>());
            return this;
        }

        /** Steps that more than one flow shares, with their ways on, named by a function that adds them. */
        public Builder then(UnaryOperator<Builder> steps) {
            return steps.apply(this);
        }

        /** On {@code exit} the run enters {@code next}. */
        public Builder on(Exit exit, String next) {
            return add(new Route(exit, ALWAYS, next));
        }

        /**
         * On {@code exit} the run enters {@code next} if its input asks for it ({@code when}); otherwise the next way
         * on named for the same exit is tried.
         */
        public Builder on(Exit exit, String next, Predicate<RunInput> when) {
            return add(new Route(exit, when, next));
        }

        /** On {@code exit} the run is complete. */
        public Builder endsOn(Exit exit) {
            return add(new Route(exit, ALWAYS, null));
        }

        private Builder add(Route route) {
            if (current == null) {
                throw new IllegalStateException("name a step before its ways on");
            }
            List<Route> own = routes.get(current);
            if (own.stream().anyMatch(r -> r.exit() == route.exit() && r.always())) {
                throw new IllegalArgumentException(
                        "step " + current + " already has a way on for every input on " + route.exit());
            }
            own.add(route);
            return this;
        }

        public FlowGraph build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("a flow has at least one step");
            }
            String first = steps.keySet().iterator().next();
            routes.forEach((from, own) -> {
                if (own.isEmpty()) {
                    throw new IllegalStateException("step " + from + " has no way on");
                }
                for (Route route : own) {
                    if (route.to() != null && !steps.containsKey(route.to())) {
                        throw new IllegalStateException(
                                "step " + from + " leads to " + route.to() + ", which is not a step of the flow");
                    }
                    if (own.stream().noneMatch(r -> r.exit() == route.exit() && r.always())) {
                        throw new IllegalStateException("step " + from + " on " + route.exit()
                                + " leads nowhere for some inputs: end its ways on with one for every input");
                    }
                }
            });
            for (String name : steps.keySet()) {
                boolean reached = name.equals(first)
                        || routes.values().stream().flatMap(List::stream).anyMatch(r -> name.equals(r.to()));
                if (!reached) {
                    throw new IllegalStateException("step " + name + " is never reached");
                }
            }
            Map<String, List<Route>> frozen = new LinkedHashMap<>();
            routes.forEach((from, own) -> frozen.put(from, List.copyOf(own)));
            return new FlowGraph(
                    first,
                    Collections.unmodifiableMap(new LinkedHashMap<>(steps)),
                    Collections.unmodifiableMap(frozen));
        }
    }
}
