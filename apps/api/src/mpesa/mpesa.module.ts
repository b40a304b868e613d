import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { PaymentsModule } from '../payments/payments.module';
import { MpesaController } from './mpesa.controller';
import { MpesaService } from './mpesa.service';

@Module({
  imports: [CustomersModule, PaymentsModule],
  controllers: [MpesaController],
  providers: [MpesaService],
})
export class MpesaModule {}
