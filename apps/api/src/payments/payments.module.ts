import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CustomersModule } from '../customers/customers.module';
import { Customer, CustomerSchema } from '../customers/customer.schema';
import { PaymentExportService } from './payment-export.service';
import { PaymentFilesController } from './payment-files.controller';
import { PaymentImportService } from './payment-import.service';
import { Payment, PaymentSchema } from './payment.schema';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';

@Module({
  imports: [
    CustomersModule,
    MongooseModule.forFeature([
      { name: Payment.name, schema: PaymentSchema },
      { name: Customer.name, schema: CustomerSchema },
    ]),
  ],
  controllers: [PaymentsController, PaymentFilesController],
  providers: [PaymentsService, PaymentExportService, PaymentImportService],
  exports: [PaymentsService],
})
export class PaymentsModule {}
