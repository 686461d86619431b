package dev.mlops4j.store.h2;

import dev.mlops4j.Mlops;
import dev.mlops4j.registry.PromotionResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child JVM of {@link H2ServingMultiProcessTest}: opens the shared home in AUTO_SERVER mode as user {@code ops},
 * prints {@code READY}, waits for a line on stdin, promotes {@code m} version {@code args[1]} to {@code production}
 * and prints {@code DONE <outcome>}.
 */
public final class ServingChildPromoter {
    private ServingChildPromoter() {
    }

    public static void main(String[] args) throws Exception {
        try (Mlops mlops = Mlops.builder().home(Path.of(args[0])).storeProperty(H2MetadataStore.AUTO_SERVER, "true")
                .user("ops").build()) {
            mlops.models().findModel("m").orElseThrow();
            System.out.println("READY");
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            PromotionResult result = mlops.models().promote("m", Integer.parseInt(args[1])).to("production")
                    .because("promoted from another process");
            System.out.println("DONE " + result.outcome());
        }
    }
}
