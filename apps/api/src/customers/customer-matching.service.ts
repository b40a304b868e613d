import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, Types, trusted } from 'mongoose';
import { accountNumberVariants, normalizeAccountReference } from './account-number';
import { Customer } from './customer.schema';
import { CustomerResponse } from './dto/customer.response';
import { SuggestionResponse, type SuggestionReason } from './dto/suggestion.response';
import { normalizeKenyanPhone } from './kenyan-phone';

const MAX_SUGGESTIONS = 5;
const NAME_CANDIDATES = 50;

// How much each kind of evidence counts when ranking suggestions.
const WEIGHT = { payer_phone: 5, account_number: 4, payer_name: 3 } as const;

interface PaymentClues {
  accountReference: string | null;
  payerName: string | null;
  payerPhone: string | null;
  /** The payment's current owner, never suggested. */
  excludeCustomerId: Types.ObjectId | null;
}

function nameTokens(name: string): string[] {
  return [...new Set(name.toLowerCase().match(/\p{L}{3,}/gu) ?? [])];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Finds the customer a payment was meant for, from what the payer typed and who they are. */
@Injectable()
export class CustomerMatchingService {
  constructor(@InjectModel(Customer.name) private readonly customers: Model<Customer>) {}

  /** The customer whose account number is exactly what was typed (after normalising), if any. */
  async byAccountReference(typed: string): Promise<Types.ObjectId | null> {
    const accountNumber = normalizeAccountReference(typed);
    if (!/^\d+$/.test(accountNumber)) return null;
    const customer = await this.customers.findOne({ accountNumber }, { _id: 1 }).lean();
    return customer?._id ?? null;
  }

  /** Up to five customers, best first, each with the reasons it was suggested. */
  async suggest(clues: PaymentClues): Promise<SuggestionResponse[]> {
    const found = new Map<
      string,
      { customer: Customer & { _id: Types.ObjectId }; reasons: SuggestionReason[] }
    >();
    const note = (customer: Customer & { _id: Types.ObjectId }, reason: SuggestionReason) => {
      if (clues.excludeCustomerId?.equals(customer._id)) return;
      const key = customer._id.toString();
      const entry = found.get(key) ?? { customer, reasons: [] };
      entry.reasons.push(reason);
      found.set(key, entry);
    };

    const phone = clues.payerPhone ? normalizeKenyanPhone(clues.payerPhone) : null;
    if (phone) {
      for (const customer of await this.customers.find({ phone }).limit(MAX_SUGGESTIONS).lean()) {
        note(customer, {
          kind: 'payer_phone',
          score: WEIGHT.payer_phone,
          detail: `Payer's phone ${phone} is the customer's`,
        });
      }
    }

    const typed = clues.accountReference ? normalizeAccountReference(clues.accountReference) : '';
    if (/^\d+$/.test(typed)) {
      const variants = accountNumberVariants(typed);
      const customers = await this.customers
        .find({ accountNumber: trusted({ $in: [...variants.keys()] }) })
        .lean();
      for (const customer of customers) {
        const typo = variants.get(customer.accountNumber)!;
        note(customer, {
          kind: 'account_number',
          score: WEIGHT.account_number,
          detail: `Typed ${typed}; account ${customer.accountNumber} is one ${typo === 'swapped digits' ? 'swap' : typo} away`,
        });
      }
    }

    const tokens = clues.payerName ? nameTokens(clues.payerName) : [];
    if (tokens.length > 0) {
      const filter: FilterQuery<Customer> = {
        $or: tokens.map((token) => ({
          name: new RegExp(`(^|[^\\p{L}])${escapeRegExp(token)}`, 'iu'),
        })),
      };
      for (const customer of await this.customers.find(filter).limit(NAME_CANDIDATES).lean()) {
        const theirs = nameTokens(customer.name);
        const shared = tokens.filter((token) =>
          theirs.some((t) => t.startsWith(token) || token.startsWith(t)),
        );
        if (shared.length === 0) continue;
        const closeness = shared.length / Math.max(tokens.length, theirs.length);
        note(customer, {
          kind: 'payer_name',
          score: Math.round(WEIGHT.payer_name * closeness * 100) / 100,
          detail: `Payer "${clues.payerName}" shares ${shared.length} of ${Math.max(tokens.length, theirs.length)} names with "${customer.name}"`,
        });
      }
    }

    return [...found.values()]
      .map(({ customer, reasons }) => ({
        customer: CustomerResponse.of(customer),
        score: Math.round(reasons.reduce((sum, r) => sum + r.score, 0) * 100) / 100,
        reasons,
      }))
      .sort((a, b) => b.score - a.score || a.customer.name.localeCompare(b.customer.name))
      .slice(0, MAX_SUGGESTIONS);
  }
}
