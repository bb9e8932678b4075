package io.crogas.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time from /proc, for the benchmarks: of a process or thread, and of the whole machine. */
final class ProcessCpu {
  /** Milliseconds per clock tick (USER_HZ is 100 on Linux). */
  static final long TICK_MILLIS = 10;

  private ProcessCpu() {}

  /** utime + stime of the process {@code pid}, in ticks; 0 once it has ended. */
  static long ticks(long pid) {
    return ticks(Path.of("/proc", Long.toString(pid), "stat"));
  }

  /** utime + stime from a {@code stat} file (a process's or a thread's), in ticks. */
  static long ticks(Path stat) {
    try {
      String text = Files.readString(stat);
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0; // the process ended
    }
  }

  /** {busy, total} ticks of the whole machine, from /proc/stat. */
  static long[] machine() {
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < cpu.length; i++) {
        total += Long.parseLong(cpu[i]);
      }
      long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
      return new long[] {total - idle, total};
    } catch (IOException e) {
      return new long[] {0, 0};
    }
  }

  /** The percentage of the machine busy between two {@link #machine()} readings. */
  static double busyPercent(long[] start, long[] end) {
    long total = end[1] - start[1];
    return total == 0 ? 0 : 100.0 * (end[0] - start[0]) / total;
  }
}
