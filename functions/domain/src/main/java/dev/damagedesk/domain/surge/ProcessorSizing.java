package dev.damagedesk.domain.surge;

/**
 * How many processor instances the table's write budget allows. Each instance stores about
 * {@code perInstancePerSecond} reports a second (measured: the drain rate over the instances that made it), each
 * report costing {@code writesPerReport} writes; the budget divided by what one instance writes is the concurrency,
 * kept within what Lambda accepts for an SQS event source's {@code MaximumConcurrency} (2..1000) and never under
 * the normal setting.
 *
 * @param writeBudgetPerSecond the writes per second the table may take from the processor (template parameter)
 * @param writesPerReport      what storing one report writes (the processor's own figure)
 * @param normalConcurrency    the template's MaximumConcurrency, restored in normal
 * @param ceiling              the most the controller ever sets
 */
public record ProcessorSizing(long writeBudgetPerSecond, int writesPerReport, int normalConcurrency, int ceiling) {

    public static final int LAMBDA_MINIMUM = 2;
    public static final int LAMBDA_MAXIMUM = 1000;

    public ProcessorSizing {
        if (writeBudgetPerSecond < 1 || writesPerReport < 1) {
            throw new IllegalArgumentException("write budget and writes per report must be positive");
        }
        if (normalConcurrency < LAMBDA_MINIMUM || ceiling < normalConcurrency || ceiling > LAMBDA_MAXIMUM) {
            throw new IllegalArgumentException("need " + LAMBDA_MINIMUM + " <= normal (" + normalConcurrency
                    + ") <= ceiling (" + ceiling + ") <= " + LAMBDA_MAXIMUM);
        }
    }

    /**
     * The surge concurrency.
     *
     * @param processedPerMinute the measured drain rate
     * @param currentConcurrency the concurrency that drained it
     */
    public int surgeConcurrency(long processedPerMinute, int currentConcurrency) {
        double perInstancePerSecond = processedPerMinute / 60.0 / Math.max(1, currentConcurrency);
        if (perInstancePerSecond <= 0) {
            // nothing measured yet (the wave has just begun): as far as the ceiling, the next run corrects it
            return ceiling;
        }
        long allowed = (long) Math.floor(writeBudgetPerSecond / (writesPerReport * perInstancePerSecond));
        return (int) Math.max(normalConcurrency, Math.min(ceiling, allowed));
    }
}
