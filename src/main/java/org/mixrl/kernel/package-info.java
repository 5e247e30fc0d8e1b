/**
 * The Jupyter kernel: Java cells evaluated by JShell inside the kernel's JVM, with rich display
 * of XChart charts and small tensors.
 *
 * <p>Layers, each one class: {@link org.mixrl.kernel.CellEvaluator} runs cells,
 * {@link org.mixrl.kernel.CodeAssist} answers completion and is-complete questions,
 * {@link org.mixrl.kernel.DisplayRenderer} turns values into MIME bundles,
 * {@link org.mixrl.kernel.MixrlKernel} adapts these to jjava-jupyter's message handlers, and
 * {@link org.mixrl.kernel.KernelServer} connects it to a Jupyter connection file.
 * {@link org.mixrl.kernel.KernelSpec} writes the kernelspec that tells Jupyter how to start it.
 */
package org.mixrl.kernel;
