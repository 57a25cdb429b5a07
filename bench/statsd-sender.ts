// A StatsD sender for the benches, run as its own process: blasts, paces, or plays a camera app's load; prints what it sent.
// node dist/bench/statsd-sender.js --port P --mode blast|paced|load [--lines 20] [--seconds 2] [--rate 100000]
//   [--cameras 3 --operations 3 --fps 30]. load runs until SIGTERM; all modes print {"datagrams","lines","seconds"}.
import dgram from 'node:dgram';
import { performance } from 'node:perf_hooks';
import { flag } from './lib/result.js';

const OPERATIONS = ['camera_manager.capture_frame', 'motion_detector.detect', 'encoder.encode', 'uploader.send', 'storage.write'];

type Sent = { datagrams: number; lines: number; startedMs: number };

/** `count` timer lines, tagged with a camera, values varied so the histograms see a spread. */
function lines(count: number, seed: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = seed * 31 + i;
    return `${OPERATIONS[n % 3]}:${(1 + ((n * 7919) % 4000) / 100).toFixed(2)}|ms|#camera:cam${(n % 3) + 1}`;
  });
}

/** A few hundred distinct datagrams of `perDatagram` lines each, made before timing starts. */
function datagrams(perDatagram: number): Buffer[] {
  return Array.from({ length: 256 }, (_, i) => Buffer.from(lines(perDatagram, i).join('\n')));
}

function report(sent: Sent): void {
  process.stdout.write(`${JSON.stringify({ datagrams: sent.datagrams, lines: sent.lines, seconds: (performance.now() - sent.startedMs) / 1000 })}\n`);
}

/** As fast as the socket takes them, in slices so the event loop (and SIGTERM) still runs. */
function blast(socket: dgram.Socket, perDatagram: number, seconds: number, sent: Sent, done: () => void): void {
  const buffers = datagrams(perDatagram);
  const endMs = sent.startedMs + seconds * 1000;
  const pump = (): void => {
    for (let i = 0; i < 128; i++) socket.send(buffers[(sent.datagrams + i) & 255]!);
    sent.datagrams += 128;
    sent.lines += 128 * perDatagram;
    if (performance.now() < endMs) setImmediate(pump);
    else done();
  };
  pump();
}

/** `rate` datagrams per second, sent in 1 ms bursts that catch up to the schedule. */
function paced(socket: dgram.Socket, perDatagram: number, seconds: number, rate: number, sent: Sent, done: () => void): void {
  const buffers = datagrams(perDatagram);
  const total = Math.round(rate * seconds);
  const tick = (): void => {
    const due = Math.min(total, Math.floor(((performance.now() - sent.startedMs) / 1000) * rate));
    while (sent.datagrams < due) {
      socket.send(buffers[sent.datagrams & 255]!);
      sent.datagrams++;
      sent.lines += perDatagram;
    }
    if (sent.datagrams < total) setTimeout(tick, 1);
    else done();
  };
  tick();
}

/** A camera app: every frame of every camera sends one datagram per operation, plus the app's gauges each second. */
function load(socket: dgram.Socket, cameras: number, operations: number, fps: number, sent: Sent): void {
  const send = (line: string): void => {
    socket.send(line);
    sent.datagrams++;
    sent.lines++;
  };
  for (let c = 1; c <= cameras; c++) {
    let frame = 0;
    // Cameras start out of phase, as real ones do.
    setTimeout(() => {
      setInterval(() => {
        frame++;
        for (let o = 0; o < operations; o++) send(`${OPERATIONS[o % OPERATIONS.length]}:${(2 + ((frame * 13 + o * 7 + c) % 40) / 2).toFixed(1)}|ms|#camera:cam${c}`);
      }, 1000 / fps);
    }, (c * 1000) / fps / cameras);
  }
  setInterval(() => {
    for (const gauge of [`zoomcam.fps:${fps}|g`, 'zoomcam.frame_time_ms:21.5|g', `zoomcam.cameras:${cameras}|g`, `zoomcam.cameras_active:${cameras}|g`]) send(gauge);
  }, 1000);
}

function main(): void {
  const port = Number(flag('port', ''));
  const mode = flag('mode', 'blast');
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`--port "${flag('port', '')}" is not a UDP port; pass --port 8125`);
  const perDatagram = Number(flag('lines', '1'));
  const seconds = Number(flag('seconds', '2'));
  const socket = dgram.createSocket('udp4');
  // A connected socket hears "port unreachable" while no listener is up (between dashboard starts): not fatal.
  socket.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNREFUSED') throw error;
  });
  socket.connect(port, '127.0.0.1', () => {
    const sent: Sent = { datagrams: 0, lines: 0, startedMs: performance.now() };
    const done = (): void => {
      report(sent);
      socket.close();
    };
    if (mode === 'blast') blast(socket, perDatagram, seconds, sent, done);
    else if (mode === 'paced') paced(socket, perDatagram, seconds, Number(flag('rate', '100000')), sent, done);
    else if (mode === 'load') {
      load(socket, Number(flag('cameras', '3')), Number(flag('operations', '3')), Number(flag('fps', '30')), sent);
      process.once('SIGTERM', () => {
        report(sent);
        process.exit(0);
      });
    } else throw new Error(`--mode "${mode}" is not a mode; use blast, paced or load`);
  });
}

main();
