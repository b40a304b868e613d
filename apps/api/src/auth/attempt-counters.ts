// Counts attempts (sign-ups and log-ins per address or email, failed log-ins per account) in
// the database, so that every API process behind a load balancer sees the same counts and a
// restart forgets nothing. Each count lives in a window: once `resetAt` has passed, the next
// attempt starts it afresh. FerretDB has no TTL indexes, so finished windows are purged here.
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectModel, Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Model, trusted } from 'mongoose';
import { isDuplicateKeyError } from '../database/duplicate-key';

@Schema({ collection: 'attempt_counters', versionKey: false })
export class AttemptCounter {
  /** What is counted, e.g. `/auth/login ip 10.0.0.1` or `failed-logins a@b.ke`. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) count!: number;
  @Prop({ required: true }) resetAt!: Date;
}

export const AttemptCounterSchema = SchemaFactory.createForClass(AttemptCounter);

export interface Attempts {
  count: number;
  resetAt: Date;
}

const PURGE_EVERY_MS = 10 * 60_000;

@Injectable()
export class AttemptCounters implements OnModuleInit, OnModuleDestroy {
  private purging?: NodeJS.Timeout;

  constructor(@InjectModel(AttemptCounter.name) private readonly counters: Model<AttemptCounter>) {}

  onModuleInit(): void {
    this.purging = setInterval(() => void this.purge(), PURGE_EVERY_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.purging);
  }

  /**
   * Counts one attempt and returns the count so far in the current window. With `slide`, each
   * attempt moves the window's end to `windowMs` from now (a lockout lasts from the last failure).
   */
  async hit(key: string, windowMs: number, { slide = false } = {}): Promise<Attempts> {
    for (;;) {
      const now = new Date();
      const resetAt = new Date(now.getTime() + windowMs);
      // Each step is one conditional write, so concurrent attempts from several processes
      // neither lose a count nor start two windows.
      const counted = await this.counters
        .findOneAndUpdate(
          { _id: key, resetAt: trusted({ $gt: now }) },
          { $inc: { count: 1 }, ...(slide ? { $set: { resetAt } } : {}) },
          { new: true },
        )
        .lean();
      if (counted) return counted;
      const restarted = await this.counters
        .findOneAndUpdate(
          { _id: key, resetAt: trusted({ $lte: now }) },
          { $set: { count: 1, resetAt } },
          { new: true },
        )
        .lean();
      if (restarted) return restarted;
      try {
        await this.counters.create({ _id: key, count: 1, resetAt });
        return { count: 1, resetAt };
      } catch (error) {
        // Another process started this window a moment ago: count in it.
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  }

  /** The count of the current window, without counting; null when there is none. */
  async peek(key: string): Promise<Attempts | null> {
    return this.counters
      .findOne({ _id: key, resetAt: trusted({ $gt: new Date() }) }, { count: 1, resetAt: 1 })
      .lean();
  }

  async clear(key: string): Promise<void> {
    await this.counters.deleteOne({ _id: key });
  }

  private async purge(): Promise<void> {
    try {
      await this.counters.deleteMany({ resetAt: trusted({ $lte: new Date() }) });
    } catch {
      // The database is away for a moment; finished windows are ignored anyway, and the next
      // purge removes them.
    }
  }
}
