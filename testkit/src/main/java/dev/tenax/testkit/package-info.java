/**
 * The client contract: {@link dev.tenax.testkit.ClientContract} holds every scenario once; each client module
 * extends it once per client variant and supplies a {@link dev.tenax.testkit.ContractClient}.
 */
@NullMarked
package dev.tenax.testkit;

import org.jspecify.annotations.NullMarked;
