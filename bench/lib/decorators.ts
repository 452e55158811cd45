import 'reflect-metadata';

// The server's TypeORM entities and type-graphql types need legacy decorators with
// `design:type` metadata. If the TypeScript loader compiled this file without them, stop here
// with a clear message instead of failing deep inside the server.
function probe(): PropertyDecorator {
  return () => undefined;
}
class Probe {
  @probe() when: Date;
}

export function assertDecoratorMetadata(): void {
  if (Reflect.getMetadata('design:type', Probe.prototype, 'when') !== Date) {
    throw new Error(
      'TypeScript is compiled without decorator metadata. Run the benchmarks through `npm run bench` (tests/), ' +
        'whose tsconfig.json (via server/tsconfig.json) sets experimentalDecorators and emitDecoratorMetadata, or set SWC_NODE_PROJECT to it.',
    );
  }
}
