/**
 * The capnp config for one worker module. Outbound fetches go through a `network` service that
 * allows loopback: workerd's default `internet` service only reaches public addresses.
 */
export const workerdConfig = ({
  script,
  bindings,
}: {
  script: string;
  bindings: Record<string, string>;
}): string => {
  const texts = Object.entries(bindings)
    .map(([name, value]) => `(name = ${JSON.stringify(name)}, text = ${JSON.stringify(value)})`)
    .join(', ');
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed ${JSON.stringify(script)})],
  compatibilityDate = "2025-09-01",
  bindings = [${texts}],
  globalOutbound = "loopback",
);
`;
};
