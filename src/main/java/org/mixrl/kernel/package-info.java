/**
 * The Jupyter kernel: Java cells evaluated by JShell inside the kernel's JVM, with rich display
 * of XChart charts and small tensors.
 *
 * <p>Layers, each one class: {@link org.mixrl.kernel.CellEvaluator} runs cells,
 * {@link org.mixrl.kernel.CodeAssist} answers completion and is-complete questions,
 * {@link org.mixrl.kernel.DisplayRenderer} turns values into MIME bundles,
 * {@link org.mixrl.kernel.MixrlKernel} adapts these to jjava-jupyter's message handlers, and
 * {@link org.mixrl.kernel.KernelServer} connects it to a Jupyter connection file.
 *
 * <p>The wire layer under the handlers is mixrl's own, so that no message can stop a channel:
 * {@link org.mixrl.kernel.ConnectionInfo} validates the connection file,
 * {@link org.mixrl.kernel.KernelChannels} binds and serves the sockets (JeroMQ), and
 * {@code WireCodec} verifies each message's signature over its received bytes before parsing
 * it; whatever fails is dropped and logged on stderr (docs/kernel-security.md).
 * {@link org.mixrl.kernel.KernelSpec} writes the kernelspec that tells Jupyter how to start it.
 */
package org.mixrl.kernel;
