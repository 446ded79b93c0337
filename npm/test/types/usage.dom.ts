// Browser-only type checks (tsconfig.bundler.json, with the DOM library): a compiled module is
// accepted by init() and initSync().
import init, { initSync, type CompiledModule } from "contactkit";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type AssertTrue<T extends true> = T;
export type ModuleIsWasm = AssertTrue<Equal<CompiledModule, WebAssembly.Module>>;

export async function load(bytes: ArrayBuffer): Promise<void> {
  const module: CompiledModule = await WebAssembly.compile(bytes);
  initSync(module);
  await init(fetch("/contactkit_wasm_bg.wasm"));
  await init(await fetch("/contactkit_wasm_bg.wasm"));
}
