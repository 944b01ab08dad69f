import { Module } from '@nestjs/common';
import { CoreEnterprisesModule } from '../core-enterprises/core-enterprises.module.js';
import { SuppliersController } from './suppliers.controller.js';
import { SuppliersService } from './suppliers.service.js';

@Module({
  imports: [CoreEnterprisesModule],
  controllers: [SuppliersController],
  providers: [SuppliersService],
  exports: [SuppliersService],
})
export class SuppliersModule {}
