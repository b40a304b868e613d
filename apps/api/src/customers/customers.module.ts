import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Payment, PaymentSchema } from '../payments/payment.schema';
import { Counter, CounterSchema, Customer, CustomerSchema } from './customer.schema';
import { CustomerMatchingService } from './customer-matching.service';
import { CustomersController } from './customers.controller';
import { CustomersService } from './customers.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Customer.name, schema: CustomerSchema },
      { name: Counter.name, schema: CounterSchema },
      { name: Payment.name, schema: PaymentSchema },
    ]),
  ],
  controllers: [CustomersController],
  providers: [CustomersService, CustomerMatchingService],
  exports: [CustomersService, CustomerMatchingService],
})
export class CustomersModule {}
