import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { CustomerMatchingService } from '../customers/customer-matching.service';
import { normalizeKenyanPhone } from '../customers/kenyan-phone';
import { badRequest } from '../http/api-error';
import { parseAmountText } from '../money/money';
import { PaymentsService } from '../payments/payments.service';
import {
  C2bConfirmationResponse,
  C2bPayloadDto,
  C2bValidationResponse,
} from './dto/c2b-payload.dto';
import { parseTransTime } from './mpesa-time';

@Injectable()
export class MpesaService {
  private readonly logger = new Logger(MpesaService.name);

  constructor(
    private readonly payments: PaymentsService,
    private readonly matching: CustomerMatchingService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Stores the payment once: a repeated or concurrent delivery of the same TransID stores
   * nothing new (the reference is unique) and is answered the same way, as Safaricom expects.
   */
  async confirm(
    payload: C2bPayloadDto,
    raw: Record<string, unknown>,
  ): Promise<C2bConfirmationResponse> {
    const amountMinor = parseAmountText(payload.TransAmount);
    const paidAt = parseTransTime(payload.TransTime);
    const problems = [
      ...(amountMinor === null
        ? ['TransAmount must be a positive amount with at most 2 decimal places']
        : []),
      ...(paidAt === null ? ['TransTime must be a real time as YYYYMMDDHHmmss'] : []),
    ];
    if (amountMinor === null || paidAt === null) throw badRequest('VALIDATION_FAILED', problems);

    const payerName = [payload.FirstName, payload.MiddleName, payload.LastName]
      .map((part) => part?.trim())
      .filter(Boolean)
      .join(' ');
    const stored = await this.payments.receive({
      amountMinor,
      paidAt,
      reference: payload.TransID.toUpperCase(),
      method: 'mpesa',
      accountReference: payload.BillRefNumber?.trim() || null,
      payerPhone: payload.MSISDN ? normalizeKenyanPhone(payload.MSISDN) : null,
      payerName: payerName || null,
      providerPayload: raw,
    });
    this.logger.log(
      { transId: payload.TransID, stored: !!stored, status: stored?.status ?? 'duplicate' },
      'M-Pesa confirmation',
    );
    return { ResultCode: 0, ResultDesc: 'Success' };
  }

  /** Accepts every payment, unless the policy is to reject account numbers nobody has. */
  async validate(payload: C2bPayloadDto): Promise<C2bValidationResponse> {
    if (this.config.mpesa.rejectUnknownAccounts) {
      const customer = payload.BillRefNumber
        ? await this.matching.byAccountReference(payload.BillRefNumber)
        : null;
      if (!customer) return { ResultCode: 'C2B00012', ResultDesc: 'Rejected' };
    }
    return { ResultCode: '0', ResultDesc: 'Accepted' };
  }
}
