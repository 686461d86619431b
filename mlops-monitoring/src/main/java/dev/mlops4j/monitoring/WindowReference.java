package dev.mlops4j.monitoring;

import dev.mlops4j.validation.profile.Profile;

import java.util.Objects;

/**
 * Chooses, for each closing window, the profile its features are compared with. A fixed training profile flags every
 * season the training data did not cover once a year has turned; a reference chosen per window can instead be the same
 * season of the training data (from the dates the window's {@link WindowSpan#keys() keys} or times name), the
 * training data of the version that served the window, or the recent past. Called under the monitor's lock on the
 * thread that closes the window: keep it quick (cache the profiles it computes) and do not call back into the monitor.
 *
 * <pre>{@code
 * Map<Month, Profile> byMonth = ...;                       // profiles of the training rows of each month
 * PredictionMonitor.builder("rain")
 *         .reference(window -> byMonth.get(window.start().atZone(ZoneOffset.UTC).getMonth()))
 *         ...
 * }</pre>
 */
@FunctionalInterface
public interface WindowReference {

    /**
     * @param window the window being closed
     * @return the profile to compare it with; null (or an exception) leaves the window without a drift report and
     *     logs a warning
     */
    Profile referenceFor(WindowSpan window);

    /**
     * @param profile the profile every window is compared with
     * @return a reference that is always that profile
     */
    static WindowReference fixed(Profile profile) {
        Objects.requireNonNull(profile, "profile");
        return window -> profile;
    }
}
