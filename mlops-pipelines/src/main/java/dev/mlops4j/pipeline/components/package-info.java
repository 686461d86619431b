/**
 * Built-in pipeline steps over mlops4j's own capabilities: CSV loading and splitting, profiles, schemas, validation,
 * drift, gates, registration and promotion. Needs {@code mlops-validation} on the class path.
 */
package dev.mlops4j.pipeline.components;
