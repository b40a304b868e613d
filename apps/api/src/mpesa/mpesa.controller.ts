import { timingSafeEqual } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/public.decorator';
import { AppConfig } from '../config/app-config';
import { notFound } from '../http/api-error';
import { ErrorResponse } from '../http/error.response';
import { C2bPayloadPipe } from './c2b-payload.pipe';
import {
  C2bConfirmationResponse,
  C2bPayloadDto,
  C2bValidationResponse,
} from './dto/c2b-payload.dto';
import { MpesaService } from './mpesa.service';

type C2bBody = { payload: C2bPayloadDto; raw: Record<string, unknown> };

/**
 * Safaricom Daraja C2B callbacks. Public, since Safaricom cannot send a bearer token: the secret
 * token in the path (MPESA_CALLBACK_TOKEN) is what proves the caller was given the URL.
 */
@ApiTags('integrations')
@Public()
@Controller('integrations/mpesa/c2b/:token')
export class MpesaController {
  constructor(
    private readonly mpesa: MpesaService,
    private readonly config: AppConfig,
  ) {}

  @Post('confirmation')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'M-Pesa C2B confirmation: store the payment (idempotent on TransID)' })
  @ApiBody({ type: C2bPayloadDto })
  @ApiOkResponse({ type: C2bConfirmationResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'Wrong token' })
  confirmation(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Body(C2bPayloadPipe) body: C2bBody,
  ): Promise<C2bConfirmationResponse> {
    this.checkToken(token, request);
    return this.mpesa.confirm(body.payload, body.raw);
  }

  @Post('validation')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'M-Pesa C2B validation: accept, or reject an unknown account (policy)' })
  @ApiBody({ type: C2bPayloadDto })
  @ApiOkResponse({ type: C2bValidationResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'Wrong token' })
  validation(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Body(C2bPayloadPipe) body: C2bBody,
  ): Promise<C2bValidationResponse> {
    this.checkToken(token, request);
    return this.mpesa.validate(body.payload);
  }

  /** A wrong token gets the same 404 as a route that does not exist. */
  private checkToken(token: string, request: FastifyRequest): void {
    const expected = this.config.mpesa.callbackToken;
    const given = Buffer.from(token);
    const valid =
      expected !== null &&
      given.length === Buffer.byteLength(expected) &&
      timingSafeEqual(given, Buffer.from(expected));
    if (!valid) throw notFound('NOT_FOUND', `Cannot ${request.method} ${request.url}`);
  }
}
