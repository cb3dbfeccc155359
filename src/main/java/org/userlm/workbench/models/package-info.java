/**
 * Models outside the engine: descriptors of known models ({@code models/*.json}), the Hugging Face Hub client
 * and downloader, discovery of the Hugging Face cache, NVIDIA GPU detection, the CUDA libtorch installer and
 * fit checks. No JavaFX and no DJL here: the UI uses this package directly.
 */
package org.userlm.workbench.models;
