package com.auditybridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.badinput.JsonValues;
import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import com.auditybridge.run.RunInput;
import com.auditybridge.web.JsonBodies;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.json.JsonMapper;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a hook body holds, the validation layer answers a run input or a 400 naming fields, nothing else. */
class HookBodyPropertyTest {
    private static final Map<String, Function<Map<String, Object>, RunInput>> HOOKS = Map.of(
            "lead-arrived",
            HookBodies::leadArrived,
            "analysis-requested",
            HookBodies::analysisRequested,
            "project-update",
            HookBodies::projectUpdate,
            "repo-audit-requested",
            HookBodies::repoAuditRequested);
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final ObjectMapper WRITER = new ObjectMapper();

    record Mutated(String hook, Map<String, Object> body) {}

    @Provide
    Arbitrary<Mutated> mutatedBodies() {
        return JsonValues.hooks().flatMap(hook -> JsonValues.mutatedBody(hook).map(body -> new Mutated(hook, body)));
    }

    @Property(tries = 400)
    void aMutatedBodyIsEitherAcceptedOrA400ThatNamesItsFields(@ForAll("mutatedBodies") Mutated mutated) {
        try {
            assertThat(HOOKS.get(mutated.hook()).apply(mutated.body())).isNotNull();
        } catch (ProblemException refused) {
            Problem problem = refused.problem();
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors())
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.field()).isNotNull());
        }
    }

    @Provide
    Arbitrary<String> mangledJson() {
        Arbitrary<String> valid = mutatedBodies().map(m -> {
            try {
                return WRITER.writeValueAsString(m.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return Combinators.combine(
                        valid,
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.chars(),
                        Arbitraries.integers().between(0, 3))
                .as((text, at, c, how) -> {
                    int cut = Math.min(at, text.length());
                    return switch (how) {
                        case 0 -> text.substring(0, cut);
                        case 1 -> text.substring(0, cut) + c + text.substring(cut);
                        case 2 -> text + text.substring(0, cut);
                        default -> text;
                    };
                });
    }

    @Property(tries = 400)
    void anyTextIsEitherOneJsonObjectOrA400MalformedJson(@ForAll("mangledJson") String text) {
        try {
            assertThat(JsonBodies.parseObject(JSON, text)).isNotNull();
        } catch (ProblemException refused) {
            assertThat(refused.problem().status()).isEqualTo(400);
            assertThat(refused.problem().code()).isEqualTo("MALFORMED_JSON");
        }
    }
}
