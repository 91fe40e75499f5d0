/**
 * JMH microbenchmarks of jgrad's kernels and of op dispatch. Not run by {@code mvn verify}: build the uber jar
 * and run it,
 * <pre>
 * mvn -q -pl jgrad-bench -am package -DskipTests
 * java -jar jgrad-bench/target/benchmarks.jar                  # all of them
 * java -jar jgrad-bench/target/benchmarks.jar GemmBench -p n=256 # one class, one size
 * </pre>
 * Each benchmark forks a JVM with {@code --add-modules jdk.incubator.vector} (the SIMD kernels) and passes
 * {@code JGRAD_THREADS} (default: the available processors) to {@code Torch.setNumThreads}.
 */
package io.jgrad.bench.jmh;
