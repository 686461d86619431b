/** Pipeline steps that train and evaluate Tribuo models; needs {@code mlops-tribuo} on the class path. */
package dev.mlops4j.pipeline.tribuo;
